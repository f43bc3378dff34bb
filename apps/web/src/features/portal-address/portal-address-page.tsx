import type { ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { RoleGate } from '../../app/layout/role-gate';
import { ApiError } from '../../lib/api/errors';
import { useFormErrors } from '../../lib/i18n/use-error-messages';
import { DetailsList, ErrorAlert, PageHeader, QueryView, Section, SubmitButton, TextField } from '../../ui';
import { CopyValue } from './copy-value';
import { DomainPanel } from './domain-panel';
import type { PortalAddress } from './portal-address-endpoints';
import { useAddDomain, usePortalAddress } from './portal-address-queries';

function AddDomainForm() {
  const { t } = useTranslation();
  const add = useAddDomain();
  const form = useForm<{ hostname: string }>({ defaultValues: { hostname: '' } });
  const errors = useFormErrors(add.error, ['hostname'] as const);
  const taken = add.error instanceof ApiError && add.error.status === 409;
  return (
    <form
      className="form"
      noValidate
      aria-label={t('portalAddress.addTitle')}
      onSubmit={form.handleSubmit(({ hostname }) => {
        if (!add.isPending) add.mutate(hostname.trim(), { onSuccess: () => form.reset() });
      })}
    >
      <ErrorAlert messages={taken ? [] : errors.alert} />
      <TextField
        label={t('portalAddress.hostname')}
        hint={t('portalAddress.hostnameHint')}
        placeholder="portal.youragency.com"
        dir="ltr"
        autoCapitalize="none"
        spellCheck={false}
        error={taken ? t('portalAddress.taken') : errors.field('hostname')}
        {...form.register('hostname', { required: true })}
      />
      <div className="form-actions">
        <SubmitButton pending={add.isPending}>{t('portalAddress.add')}</SubmitButton>
      </div>
    </form>
  );
}

function Overview({ address }: { address: PortalAddress }) {
  const { t } = useTranslation();
  const rows: [string, ReactNode][] = [
    [
      t('portalAddress.slugAddress'),
      <CopyValue label={t('portalAddress.slugAddress')} value={`${address.slugAddress}/login`} testId="slug-address" />,
    ],
  ];
  if (address.subdomainAddress) {
    rows.push([t('portalAddress.subdomain'), <CopyValue label={t('portalAddress.subdomain')} value={address.subdomainAddress} />]);
  }
  rows.push([t('portalAddress.emailsLinkTo'), <code dir="ltr">{address.address}</code>]);
  return (
    <>
      <Section title={t('portalAddress.addressesTitle')} description={t('portalAddress.addressesHint')}>
        <DetailsList rows={rows} />
      </Section>
      <Section title={t('portalAddress.addTitle')} description={t('portalAddress.addHint')}>
        <AddDomainForm />
      </Section>
      {address.domains.map((domain) => (
        <DomainPanel key={domain.id} domain={domain} />
      ))}
    </>
  );
}

function PortalAddressContent() {
  const { t } = useTranslation();
  const address = usePortalAddress();
  return (
    <>
      <PageHeader title={t('portalAddress.title')} description={t('portalAddress.description')} />
      <QueryView query={address}>{(data) => <Overview address={data} />}</QueryView>
    </>
  );
}

/** The owner's "Portal address" page: where clients sign in, and the agency's own domain. */
export function PortalAddressPage() {
  return (
    <RoleGate allow={(role) => role === 'owner'}>
      <PortalAddressContent />
    </RoleGate>
  );
}
