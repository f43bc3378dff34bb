import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, DetailsList, ErrorAlert, Section, StatusBadge } from '../../ui';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { useFormat } from '../../lib/i18n/use-format';
import { CopyValue } from './copy-value';
import type { Domain } from './portal-address-endpoints';
import { useRemoveDomain, useVerifyDomain } from './portal-address-queries';

/** One custom domain: its state, the TXT record that proves it, and the check and remove actions. */
export function DomainPanel({ domain }: { domain: Domain }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorMessages = useErrorMessages();
  const verify = useVerifyDomain();
  const remove = useRemoveDomain();
  const active = domain.status === 'active';
  const rows: [string, ReactNode][] = [
    [
      t('portalAddress.status'),
      <StatusBadge tone={active ? 'success' : 'waiting'}>{t(active ? 'portalAddress.active' : 'portalAddress.pending')}</StatusBadge>,
    ],
  ];
  if (!active) {
    rows.push([t('portalAddress.recordType'), <code>TXT</code>]);
    rows.push([
      t('portalAddress.recordName'),
      <CopyValue label={t('portalAddress.recordName')} value={domain.txtRecord.name} testId="txt-name" />,
    ]);
    rows.push([
      t('portalAddress.recordValue'),
      <CopyValue label={t('portalAddress.recordValue')} value={domain.txtRecord.value} testId="txt-value" />,
    ]);
  }
  if (domain.verifiedAt) rows.push([t('portalAddress.verifiedAt'), format.dateTime(domain.verifiedAt)]);
  else if (domain.lastCheckedAt) rows.push([t('portalAddress.lastChecked'), format.dateTime(domain.lastCheckedAt)]);
  return (
    <Section
      title={<span dir="ltr">{domain.hostname}</span>}
      description={active ? t('portalAddress.activeHint', { domain: domain.hostname }) : t('portalAddress.pendingHint')}
      actions={
        <>
          {active ? null : (
            <Button variant="primary" pending={verify.isPending} onClick={() => !verify.isPending && verify.mutate(domain.id)}>
              {t('portalAddress.verify')}
            </Button>
          )}
          <Button
            pending={remove.isPending}
            onClick={() => {
              if (!remove.isPending && window.confirm(t('portalAddress.removeConfirm', { domain: domain.hostname })))
                remove.mutate(domain.id);
            }}
          >
            {t('portalAddress.remove')}
          </Button>
        </>
      }
    >
      <ErrorAlert
        messages={[...(verify.isError ? errorMessages(verify.error) : []), ...(remove.isError ? errorMessages(remove.error) : [])]}
      />
      {!active && domain.lastError ? (
        <p className="field-error" role="status" data-testid="domain-check-failed">
          {t('portalAddress.notFoundYet')}
        </p>
      ) : null}
      <DetailsList rows={rows} />
    </Section>
  );
}
