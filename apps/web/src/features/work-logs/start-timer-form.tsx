import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod/mini';
import { Button, ErrorAlert, SubmitButton, TextField } from '../../ui';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { useFieldError } from '../../lib/i18n/use-field-error';
import { validationMessage as m } from '../../lib/i18n/validation-messages';
import { EngagementSelect } from './engagement-select';
import { FixSelect } from './fix-select';
import { useLoggableEngagements } from './loggable-engagements';
import { useStartTimer } from './time-queries';

const startSchema = z.object({
  engagementId: z.string().check(z.minLength(1, m('engagementRequired'))),
  notes: z.string().check(z.trim(), z.maxLength(5000, m('notesTooLong'))),
  disclosureId: z.string(),
});
type StartForm = z.infer<typeof startSchema>;

/** Start the clock on an engagement, with a note of what the work is (it can be finished later). */
export function StartTimerForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const errorMessages = useErrorMessages();
  const fieldError = useFieldError();
  const { query, engagements } = useLoggableEngagements();
  const start = useStartTimer();
  const form = useForm<StartForm>({ resolver: zodResolver(startSchema), defaultValues: { engagementId: '', notes: '', disclosureId: '' } });
  const engagementId = useWatch({ control: form.control, name: 'engagementId' });
  const { errors } = form.formState;

  return (
    <form
      className="timer-form"
      noValidate
      aria-label={t('timer.startTitle')}
      onSubmit={form.handleSubmit((values) => {
        if (start.isPending) return;
        // Time fixing our own error is never billed: the API refuses billable with a disclosure.
        const fix = values.disclosureId ? { disclosureId: values.disclosureId, billable: false } : { billable: true };
        start.mutate({ engagementId: values.engagementId, ...fix, ...(values.notes && { notes: values.notes }) }, { onSuccess: onDone });
      })}
    >
      <ErrorAlert messages={start.isError ? errorMessages(start.error) : query.isError ? errorMessages(query.error) : []} />
      <div className="timer-form-fields">
        <EngagementSelect
          engagements={engagements}
          loading={query.isPending}
          autoFocus
          error={fieldError(errors.engagementId)}
          {...form.register('engagementId')}
        />
        <TextField
          label={t('timer.notes')}
          optional
          placeholder={t('timer.notesPlaceholder')}
          error={fieldError(errors.notes)}
          {...form.register('notes')}
        />
        <FixSelect engagementId={engagementId} {...form.register('disclosureId')} />
      </div>
      <div className="form-actions">
        <SubmitButton pending={start.isPending}>{t('timer.startSubmit')}</SubmitButton>
        <Button variant="quiet" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
