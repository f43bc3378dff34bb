import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button, ErrorAlert, SelectField, SubmitButton, TextAreaField, TextField } from '../../ui';
import { useFieldError } from '../../lib/i18n/use-field-error';
import { useFormErrors } from '../../lib/i18n/use-error-messages';
import { useClientAccounts } from '../client-accounts/client-queries';
import { useMembers } from '../members/member-queries';
import { ENGAGEMENT_STATUSES } from '@candor/domain';
import { AGREEMENT_FIELDS, ENGAGEMENT_FIELDS, engagementSchema, type EngagementForm as Values } from './engagement-schema';

/**
 * An engagement's terms, for creating one (client, currency and starting rate included) and for
 * editing one (status instead: the client and currency stay, a rate changes from a date on).
 */
export function EngagementForm({
  mode,
  initial,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  mode: 'create' | 'edit';
  initial: Values;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: Values) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const clients = useClientAccounts();
  const members = useMembers();
  const form = useForm<Values>({ resolver: zodResolver(engagementSchema), defaultValues: initial });
  const { errors } = form.formState;
  const server = useFormErrors(error, ENGAGEMENT_FIELDS, { 404: 'clientAccountId' });
  const at = (name: (typeof ENGAGEMENT_FIELDS)[number], own?: Parameters<typeof fieldError>[0]) => fieldError(own) ?? server.field(name);
  const assistants = (members.data ?? [])
    .filter((person) => person.role === 'assistant')
    .sort((a, b) => a.displayName.localeCompare(b.displayName));

  return (
    <form
      className="form form-compact"
      noValidate
      aria-label={submitLabel}
      onSubmit={form.handleSubmit((values) => {
        if (!pending) onSubmit(values);
      })}
    >
      <ErrorAlert messages={server.alert} />
      {mode === 'create' ? (
        <SelectField
          label={t('engagements.client')}
          error={at('clientAccountId', errors.clientAccountId)}
          {...form.register('clientAccountId')}
        >
          <option value="">{t('engagements.form.chooseClient')}</option>
          {(clients.data ?? []).map((client) => (
            <option key={client.id} value={client.id}>
              {client.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <TextField
        label={t('engagements.form.name')}
        autoFocus={mode === 'create'}
        error={at('name', errors.name)}
        {...form.register('name')}
      />
      <TextAreaField
        label={t('engagements.form.description')}
        optional
        rows={3}
        error={at('description', errors.description)}
        {...form.register('description')}
      />
      {mode === 'create' ? (
        <div className="field-row">
          <TextField
            label={t('engagements.form.currency')}
            hint={t('engagements.form.currencyHint')}
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={3}
            className="field-narrow"
            error={at('currency', errors.currency)}
            {...form.register('currency')}
          />
          <TextField
            label={t('engagements.rate')}
            inputMode="decimal"
            error={at('hourlyRate', errors.hourlyRate)}
            {...form.register('hourlyRate')}
          />
        </div>
      ) : (
        <SelectField label={t('engagements.form.status')} error={at('status', errors.status)} {...form.register('status')}>
          {ENGAGEMENT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`status.engagement.${status}`)}
            </option>
          ))}
        </SelectField>
      )}
      <div className="field-row">
        <TextField
          label={t('engagements.revisionRounds')}
          inputMode="numeric"
          error={at('includedRevisionRounds', errors.includedRevisionRounds)}
          {...form.register('includedRevisionRounds')}
        />
        <TextField
          type="date"
          label={t('engagements.deadline')}
          optional
          error={at('deadline', errors.deadline)}
          {...form.register('deadline')}
        />
        <TextField
          label={t('engagements.form.retainer')}
          hint={t('engagements.form.retainerHint')}
          optional
          inputMode="decimal"
          error={at('retainerHoursPerMonth', errors.retainerHoursPerMonth)}
          {...form.register('retainerHoursPerMonth')}
        />
      </div>
      <fieldset className="checkbox-group">
        <legend className="field-label">{t('engagements.assistants')}</legend>
        <p className="field-hint">{t('engagements.form.assistantsHint')}</p>
        {assistants.length === 0 && members.isSuccess ? <p className="muted">{t('engagements.form.noAssistants')}</p> : null}
        {assistants.map((person) => (
          <label key={person.userId} className="checkbox">
            <input type="checkbox" value={person.userId} {...form.register('assistantIds')} />
            <span>{person.displayName}</span>
          </label>
        ))}
        {server.field('assistantIds') ? <p className="field-error">{server.field('assistantIds')}</p> : null}
      </fieldset>
      <fieldset className="checkbox-group">
        <legend className="field-label">{t('engagements.agreementTitle')}</legend>
        {AGREEMENT_FIELDS.map((key) => (
          <TextAreaField
            key={key}
            label={t(`engagements.agreement.${key}`)}
            optional
            rows={2}
            error={fieldError(errors[key])}
            {...form.register(key)}
          />
        ))}
        {server.field('workingAgreement') ? <p className="field-error">{server.field('workingAgreement')}</p> : null}
      </fieldset>
      <TextAreaField
        label={t('engagements.confidentialityTitle')}
        hint={t('engagements.form.termsHint')}
        optional
        rows={3}
        error={at('confidentialityTerms', errors.confidentialityTerms)}
        {...form.register('confidentialityTerms')}
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
