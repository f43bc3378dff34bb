import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { RoleGate } from '../../app/layout/role-gate';
import { Button, PageHeader, QueryView, Section, SuccessNotice } from '../../ui';
import type { ClientAccount } from './client-account-endpoints';
import { canManageClients, seesAllClients } from '@candor/domain';
import { AccountDetails } from './account-details';
import { useMember } from '../me/current-member';
import { ClientForm } from './client-form';
import { useClientAccount, useUpdateClientAccount } from './client-queries';
import { clientFormValues, toPatch } from './client-schema';

function ClientView({ account }: { account: ClientAccount }) {
  const { t } = useTranslation();
  const member = useMember();
  const update = useUpdateClientAccount(account.id);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const mayEdit = canManageClients(member.role);

  return (
    <>
      <PageHeader
        title={account.name}
        description={
          <Link to="/clients" className="text-link back-link">
            {t('clients.backToList')}
          </Link>
        }
        actions={
          <>
            <Link to={`/clients/${account.id}/service-record`} className="button button-quiet">
              {t('nav.serviceRecord')}
            </Link>
            <Link to={`/clients/${account.id}/credits`} className="button button-quiet">
              {t('nav.credits')}
            </Link>
            {mayEdit && !editing ? (
              <Button
                onClick={() => {
                  setSaved(false);
                  setEditing(true);
                }}
              >
                {t('common.edit')}
              </Button>
            ) : null}
          </>
        }
      />
      {saved ? <SuccessNotice>{t('clients.saved')}</SuccessNotice> : null}
      {editing ? (
        <Section title={t('clients.editTitle')}>
          <ClientForm
            initial={clientFormValues(account)}
            submitLabel={t('common.saveChanges')}
            pending={update.isPending}
            error={update.error}
            onSubmit={(values) =>
              update.mutate(toPatch(account, values), {
                onSuccess: () => {
                  setEditing(false);
                  setSaved(true);
                },
              })
            }
            onCancel={() => setEditing(false)}
          />
        </Section>
      ) : (
        <div className="columns">
          <Section title={t('clients.detailsTitle')}>
            <AccountDetails account={account} />
          </Section>
          <Section title={t('clients.notes')} description={t('clients.notesHint')} className="panel-internal">
            {account.notes ? <p className="notes">{account.notes}</p> : <p className="muted">{t('clients.noNotes')}</p>}
          </Section>
        </div>
      )}
    </>
  );
}

function Client() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const account = useClientAccount(id);
  return (
    <QueryView query={account} byStatus={{ 404: t('clients.notFound'), 400: t('clients.notFound') }}>
      {(data) => <ClientView account={data} />}
    </QueryView>
  );
}

/** One client account for staff, with the internal notes clients never see. */
export function ClientPage() {
  return (
    <RoleGate allow={seesAllClients}>
      <Client />
    </RoleGate>
  );
}
