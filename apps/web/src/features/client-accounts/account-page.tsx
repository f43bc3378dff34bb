import { useTranslation } from 'react-i18next';
import { RoleGate } from '../../app/layout/role-gate';
import { PageHeader, QueryView, Section } from '../../ui';
import { seesAllClients } from '@candor/domain';
import { useClientAccount } from './client-queries';
import { useMember } from '../me/current-member';
import { AccountDetails } from './account-details';

function OwnAccount({ clientAccountId }: { clientAccountId: string }) {
  const { t } = useTranslation();
  const member = useMember();
  const account = useClientAccount(clientAccountId);
  return (
    <>
      <PageHeader title={t('account.title')} description={t('account.description', { tenant: member.tenant.name })} />
      <Section title={account.data?.name ?? t('account.title')}>
        <QueryView query={account}>{(data) => <AccountDetails account={data} />}</QueryView>
      </Section>
    </>
  );
}

/** A client user's own account with the agency. */
export function AccountPage() {
  const member = useMember();
  return (
    <RoleGate allow={(role) => !seesAllClients(role)}>
      {member.clientAccountId ? <OwnAccount clientAccountId={member.clientAccountId} /> : null}
    </RoleGate>
  );
}
