import type { ComponentPropsWithRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../ui';
import type { Engagement } from '../engagements/engagement-endpoints';

/** The engagements one may log time on, named with their client. */
export function EngagementSelect({
  engagements,
  loading,
  error,
  ...select
}: { engagements: Engagement[]; loading: boolean; error: string | undefined } & Omit<ComponentPropsWithRef<'select'>, 'id' | 'className'>) {
  const { t } = useTranslation();
  return (
    <SelectField
      label={t('time.engagement')}
      error={error}
      hint={!loading && engagements.length === 0 ? t('time.noEngagements') : undefined}
      {...select}
    >
      <option value="">{loading ? t('common.loading') : t('time.chooseEngagement')}</option>
      {engagements.map((engagement) => (
        <option key={engagement.id} value={engagement.id}>
          {`${engagement.name} · ${engagement.clientName}`}
        </option>
      ))}
    </SelectField>
  );
}
