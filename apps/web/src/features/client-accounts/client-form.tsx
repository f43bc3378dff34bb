import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button, ErrorAlert, SubmitButton, TextAreaField, TextField } from '../../ui';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { useFieldError } from '../../lib/i18n/use-field-error';
import { clientSchema, type ClientForm as ClientFormValues } from './client-schema';

/** Name, billing email and the internal notes of a client account, for creating and for editing one. */
export function ClientForm({
  initial,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  initial: ClientFormValues;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: ClientFormValues) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const errorMessages = useErrorMessages();
  const fieldError = useFieldError();
  const form = useForm<ClientFormValues>({ resolver: zodResolver(clientSchema), defaultValues: initial });
  const { errors } = form.formState;

  return (
    <form
      className="form form-compact"
      noValidate
      onSubmit={form.handleSubmit((values) => {
        if (!pending) onSubmit(values);
      })}
    >
      <ErrorAlert messages={error ? errorMessages(error, { 409: t('clients.nameTaken') }) : []} />
      <TextField label={t('clients.name')} autoFocus error={fieldError(errors.name)} {...form.register('name')} />
      <TextField
        label={t('clients.billingEmail')}
        optional
        type="email"
        inputMode="email"
        autoCapitalize="none"
        spellCheck={false}
        hint={t('clients.billingEmailHint')}
        error={fieldError(errors.billingEmail)}
        {...form.register('billingEmail')}
      />
      <TextAreaField
        label={t('clients.notes')}
        optional
        rows={4}
        hint={t('clients.notesHint')}
        error={fieldError(errors.notes)}
        {...form.register('notes')}
      />
      <div className="form-actions">
        <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
        <Button variant="quiet" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
