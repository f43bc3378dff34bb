import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod/mini';
import { ErrorAlert, PageHeader, QueryView, Section, SubmitButton, SuccessNotice, TextField } from '../../ui';
import type { Tenant } from './tenant-endpoints';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { useMember } from '../me/current-member';
import { useTenant, useUpdateTenant } from './tenant-queries';

const whole = (min: number, max: number) =>
  z.string().check(z.refine((value) => /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max, { message: `${min}-${max}` }));

const settingsSchema = z.object({
  disclosureDeadlineHours: whole(1, 168),
  requireDisclosureReview: z.boolean(),
  showStaffNames: z.boolean(),
  timerLimitHours: whole(1, 24),
});
type SettingsForm = z.infer<typeof settingsSchema>;

function SettingsFormView({ tenant }: { tenant: Tenant }) {
  const { t } = useTranslation();
  const errorMessages = useErrorMessages();
  const update = useUpdateTenant();
  const { settings } = tenant;
  const form = useForm<SettingsForm>({
    resolver: zodResolver(settingsSchema),
    defaultValues: {
      disclosureDeadlineHours: String(settings.disclosureDeadlineHours ?? 24),
      requireDisclosureReview: settings.requireDisclosureReview ?? false,
      showStaffNames: settings.showStaffNames ?? false,
      timerLimitHours: String(settings.timerLimitHours ?? 10),
    },
  });
  const { errors } = form.formState;
  const range = (min: number, max: number, failed: boolean) => (failed ? t('settings.hoursRange', { min, max }) : undefined);
  return (
    <form
      className="form"
      noValidate
      aria-label={t('settings.title')}
      onSubmit={form.handleSubmit((values) => {
        if (update.isPending) return;
        const settings = {
          disclosureDeadlineHours: Number(values.disclosureDeadlineHours),
          requireDisclosureReview: values.requireDisclosureReview,
          showStaffNames: values.showStaffNames,
          timerLimitHours: Number(values.timerLimitHours),
        };
        update.mutate({ settings }, { onSuccess: () => form.reset(values) });
      })}
    >
      <ErrorAlert messages={update.isError ? errorMessages(update.error) : []} />
      {update.isSuccess && !form.formState.isDirty ? <SuccessNotice>{t('settings.saved')}</SuccessNotice> : null}
      <Section title={t('settings.disclosureTitle')}>
        <TextField
          label={t('settings.deadlineHours')}
          hint={t('settings.deadlineHint')}
          inputMode="numeric"
          className="field-narrow"
          error={range(1, 168, !!errors.disclosureDeadlineHours)}
          {...form.register('disclosureDeadlineHours')}
        />
        <label className="checkbox">
          <input type="checkbox" {...form.register('requireDisclosureReview')} />
          <span>{t('settings.requireReview')}</span>
        </label>
        <label className="checkbox">
          <input type="checkbox" {...form.register('showStaffNames')} />
          <span>{t('settings.showStaffNames')}</span>
        </label>
      </Section>
      <Section title={t('settings.timerTitle')}>
        <TextField
          label={t('settings.timerLimit')}
          inputMode="numeric"
          className="field-narrow"
          error={range(1, 24, !!errors.timerLimitHours)}
          {...form.register('timerLimitHours')}
        />
      </Section>
      <div className="form-actions">
        <SubmitButton pending={update.isPending}>{t('settings.save')}</SubmitButton>
      </div>
    </form>
  );
}

/** The owner's workspace settings: disclosure deadline and review, staff names, timer limit. */
export function SettingsPage() {
  const { t } = useTranslation();
  const member = useMember();
  const tenant = useTenant();
  return (
    <>
      <PageHeader
        title={t('settings.title')}
        description={t('settings.description', { tenant: member.tenant.name })}
        actions={
          <>
            <Link to="/settings/brand" className="button button-secondary" data-testid="brand-settings-link">
              {t('settings.brandLink')}
            </Link>
            <Link to="/settings/webhooks" className="button button-secondary">
              {t('webhooks.settingsLink')}
            </Link>
          </>
        }
      />
      <QueryView query={tenant}>{(data) => <SettingsFormView tenant={data} />}</QueryView>
    </>
  );
}
