import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button, ErrorAlert, SubmitButton, TextAreaField, TextField } from '../../ui';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { useFieldError } from '../../lib/i18n/use-field-error';
import { EngagementSelect } from './engagement-select';
import { FixSelect } from './fix-select';
import { entrySchema, type EntryForm as EntryFormValues } from './entry-schema';
import { useLoggableEngagements } from './loggable-engagements';

/** Log time by hand, or change a draft: engagement, day, from and to, notes, billable. */
export function EntryForm({
  initial,
  submitLabel,
  pending,
  error,
  fixedEngagement,
  onSubmit,
  onCancel,
}: {
  initial: EntryFormValues;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  /** An existing entry stays on its engagement. */
  fixedEngagement?: boolean;
  onSubmit: (values: EntryFormValues) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const errorMessages = useErrorMessages();
  const fieldError = useFieldError();
  const { query, engagements } = useLoggableEngagements();
  const form = useForm<EntryFormValues>({
    resolver: zodResolver(entrySchema(fixedEngagement ? initial : undefined)),
    defaultValues: initial,
  });
  const { errors } = form.formState;
  const engagementId = useWatch({ control: form.control, name: 'engagementId' });
  const fixing = !!useWatch({ control: form.control, name: 'disclosureId' });

  return (
    <form
      className="form form-compact entry-form"
      noValidate
      onSubmit={form.handleSubmit((values) => {
        if (!pending) onSubmit(values);
      })}
    >
      <ErrorAlert messages={error ? errorMessages(error) : []} />
      {fixedEngagement ? null : (
        <EngagementSelect
          engagements={engagements}
          loading={query.isPending}
          error={fieldError(errors.engagementId)}
          {...form.register('engagementId')}
        />
      )}
      <div className="field-row">
        <TextField label={t('time.day')} type="date" error={fieldError(errors.day)} {...form.register('day')} />
        <TextField label={t('time.from')} type="time" step={60} error={fieldError(errors.start)} {...form.register('start')} />
        <TextField label={t('time.to')} type="time" step={60} error={fieldError(errors.end)} {...form.register('end')} />
      </div>
      <TextAreaField
        label={t('time.notes')}
        rows={3}
        hint={t('time.notesHint')}
        error={fieldError(errors.notes)}
        {...form.register('notes')}
      />
      {/* An existing entry keeps what it was logged as; a new one can be time spent fixing a disclosed error. */}
      {fixedEngagement ? null : <FixSelect engagementId={engagementId} {...form.register('disclosureId')} />}
      {fixing ? null : (
        <label className="checkbox">
          <input type="checkbox" {...form.register('billable')} />
          <span>{t('time.billable')}</span>
        </label>
      )}
      <div className="form-actions">
        <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
        <Button variant="quiet" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
