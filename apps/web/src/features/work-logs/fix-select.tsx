import type { ComponentPropsWithRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../ui';
import { useDisclosures } from '../disclosures/disclosure-queries';

/** Errors the client has been told about and that are not closed: time can go to putting them right. */
const FIXABLE = new Set([
  'disclosed',
  'acknowledged',
  'remedy_proposed',
  'remedy_accepted',
  'remedy_changes_requested',
  'in_remediation',
  'resolved',
]);

const excerpt = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/**
 * Links time to an open disclosure of the engagement: it is then never billed and reaches the client
 * as the team's fix, "fixed at no charge". Shows nothing until an engagement with open disclosures is chosen.
 */
export function FixSelect({
  engagementId,
  ...select
}: { engagementId: string } & Omit<ComponentPropsWithRef<'select'>, 'id' | 'className'>) {
  const { t } = useTranslation();
  const disclosures = useDisclosures(engagementId ? { engagementId } : {});
  const open = engagementId ? (disclosures.data?.items ?? []).filter((d) => FIXABLE.has(d.status)) : [];
  if (!open.length) return null;
  return (
    <SelectField label={t('time.fixLabel')} optional hint={t('time.fixHint')} {...select}>
      <option value="">{t('time.fixNone')}</option>
      {open.map((disclosure) => (
        <option key={disclosure.id} value={disclosure.id}>
          {`${t(`disclosure.category.${disclosure.category}`)} · ${excerpt(disclosure.whatHappened)}`}
        </option>
      ))}
    </SelectField>
  );
}
