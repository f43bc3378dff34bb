import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RoleGate } from '../../app/layout/role-gate';
import { Button, EmptyState, PageHeader, QueryView, Section, SuccessNotice } from '../../ui';
import { canManageClients, seesAllClients } from '@candor/domain';
import { useMember } from '../me/current-member';
import { ClientForm } from './client-form';
import { ClientList } from './client-list';
import { useClientAccounts, useCreateClientAccount } from './client-queries';
import { clientFormValues, toCreateInput } from './client-schema';

function NewClient({ onDone }: { onDone: (name: string | null) => void }) {
  const { t } = useTranslation();
  const create = useCreateClientAccount();
  return (
    <Section title={t('clients.newTitle')} description={t('clients.newDescription')}>
      <ClientForm
        initial={clientFormValues()}
        submitLabel={t('clients.create')}
        pending={create.isPending}
        error={create.error}
        onSubmit={(values) => create.mutate(toCreateInput(values), { onSuccess: (created) => onDone(created.name) })}
        onCancel={() => onDone(null)}
      />
    </Section>
  );
}

function Clients() {
  const { t } = useTranslation();
  const member = useMember();
  const clients = useClientAccounts();
  const mayCreate = canManageClients(member.role);
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<string | null>(null);

  const startAdding = () => {
    setAdded(null);
    setAdding(true);
  };

  return (
    <>
      <PageHeader
        title={t('clients.title')}
        description={t('clients.description')}
        actions={
          mayCreate && !adding ? (
            <Button variant="primary" onClick={startAdding}>
              {t('clients.add')}
            </Button>
          ) : undefined
        }
      />
      {added ? <SuccessNotice>{t('clients.created', { name: added })}</SuccessNotice> : null}
      {adding ? (
        <NewClient
          onDone={(name) => {
            setAdding(false);
            setAdded(name);
          }}
        />
      ) : null}
      <Section title={t('clients.listTitle')}>
        <QueryView query={clients}>
          {(list) =>
            list.length === 0 ? (
              <EmptyState
                title={t('clients.emptyTitle')}
                action={
                  mayCreate && !adding ? (
                    <Button variant="secondary" onClick={startAdding}>
                      {t('clients.add')}
                    </Button>
                  ) : undefined
                }
              >
                {mayCreate ? t('clients.emptyText') : t('clients.emptyTextAssistant')}
              </EmptyState>
            ) : (
              <ClientList clients={list} />
            )
          }
        </QueryView>
      </Section>
    </>
  );
}

/** The agency's client accounts: all of them for staff; owners and managers add new ones. */
export function ClientsPage() {
  return (
    <RoleGate allow={seesAllClients}>
      <Clients />
    </RoleGate>
  );
}
