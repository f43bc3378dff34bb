import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button, ErrorAlert, Section, SubmitButton, SuccessNotice, TextField } from '../../ui';
import type { Engagement } from './engagement-endpoints';
import { useFieldError } from '../../lib/i18n/use-field-error';
import { useFormErrors } from '../../lib/i18n/use-error-messages';
import { EngagementForm } from './engagement-form';
import { useAddRate, useCreateEngagement, useUpdateEngagement } from './engagement-queries';
import { engagementFormValues, rateSchema, toEngagementInput, toEngagementPatch, toRateInput, type RateForm } from './engagement-schema';

/** Owners and managers set up an engagement; it opens once created. */
export function NewEngagement({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateEngagement();
  return (
    <Section title={t('engagements.form.newTitle')} description={t('engagements.form.newDescription')}>
      <EngagementForm
        mode="create"
        initial={engagementFormValues()}
        submitLabel={t('engagements.form.create')}
        pending={create.isPending}
        error={create.error}
        onSubmit={(values) =>
          create.mutate(toEngagementInput(values), { onSuccess: (created) => void navigate(`/engagements/${created.id}`) })
        }
        onCancel={onClose}
      />
    </Section>
  );
}

export function EditEngagement({ engagement, onClose }: { engagement: Engagement; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateEngagement(engagement.id);
  return (
    <Section title={t('engagements.form.editTitle')}>
      <EngagementForm
        mode="edit"
        initial={engagementFormValues(engagement)}
        submitLabel={t('common.saveChanges')}
        pending={update.isPending}
        error={update.error}
        onSubmit={(values) => update.mutate(toEngagementPatch(engagement, values), { onSuccess: onClose })}
        onCancel={onClose}
      />
    </Section>
  );
}

const RATE_FIELDS = ['hourlyRate', 'effectiveFrom'] as const;

/** A new hourly rate from a date on; time worked before it keeps the rate of its day. */
export function AddRate({ engagement }: { engagement: Engagement }) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const [open, setOpen] = useState(false);
  const [added, setAdded] = useState(false);
  const add = useAddRate(engagement.id);
  const server = useFormErrors(add.error, RATE_FIELDS, { 409: 'effectiveFrom' });
  const form = useForm<RateForm>({ resolver: zodResolver(rateSchema), defaultValues: { hourlyRate: '', effectiveFrom: '' } });
  const { errors } = form.formState;
  if (!open) {
    return (
      <>
        {added ? <SuccessNotice>{t('engagements.rateAdded')}</SuccessNotice> : null}
        <Button
          onClick={() => {
            setAdded(false);
            setOpen(true);
          }}
        >
          {t('engagements.addRate')}
        </Button>
      </>
    );
  }
  return (
    <form
      className="form form-compact inline-action"
      noValidate
      aria-label={t('engagements.addRate')}
      onSubmit={form.handleSubmit((values) => {
        if (add.isPending) return;
        add.mutate(toRateInput(values), {
          onSuccess: () => {
            form.reset();
            setOpen(false);
            setAdded(true);
          },
        });
      })}
    >
      <ErrorAlert messages={server.alert} />
      <div className="field-row">
        <TextField
          label={t('engagements.newRate', { currency: engagement.currency })}
          inputMode="decimal"
          autoFocus
          error={fieldError(errors.hourlyRate) ?? server.field('hourlyRate')}
          {...form.register('hourlyRate')}
        />
        <TextField
          type="date"
          label={t('engagements.effectiveFrom')}
          error={fieldError(errors.effectiveFrom) ?? server.field('effectiveFrom')}
          {...form.register('effectiveFrom')}
        />
      </div>
      <div className="form-actions">
        <SubmitButton pending={add.isPending}>{t('engagements.saveRate')}</SubmitButton>
        <Button variant="quiet" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
