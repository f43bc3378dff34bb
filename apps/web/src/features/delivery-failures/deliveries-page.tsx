import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { RoleGate } from '../../app/layout/role-gate';
import { EmptyState, KeysetList, PageHeader, QueryView, Section, SelectField, SuccessNotice } from '../../ui';
import { canManageClients } from '@candor/domain';
import { DeliveryRow } from './delivery-row';
import { useDeliveryFailures, type DeliveryState } from './delivery-queries';
import './deliveries.css';

const STATES: readonly DeliveryState[] = ['failed', 'retrying'];

function Deliveries() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const state = STATES.find((s) => s === search.get('state')) ?? null;
  const failures = useDeliveryFailures(state);
  const setState = (value: string) =>
    setSearch(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set('state', value);
        else next.delete('state');
        return next;
      },
      { replace: true },
    );
  return (
    <>
      <PageHeader title={t('deliveries.title')} description={t('deliveries.description')} />
      {sentTo ? <SuccessNotice>{t('deliveries.sentAgain', { email: sentTo })}</SuccessNotice> : null}
      <form className="filter-bar" role="search" aria-label={t('deliveries.filters')} onSubmit={(event) => event.preventDefault()}>
        <SelectField label={t('deliveries.show')} value={state ?? ''} onChange={(event) => setState(event.target.value)}>
          <option value="">{t('deliveries.showAll')}</option>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {t(`deliveries.state.${s}`)}
            </option>
          ))}
        </SelectField>
      </form>
      <Section title={t('deliveries.listTitle')}>
        <QueryView query={failures}>
          {(data) => (
            <KeysetList
              query={failures}
              data={data}
              testId="delivery-failures"
              empty={<EmptyState title={t('deliveries.emptyTitle')}>{t('deliveries.emptyText')}</EmptyState>}
              olderLabel={t('deliveries.older')}
              renderItem={(item) => <DeliveryRow key={item.id} item={item} onSentAgain={setSentTo} />}
            />
          )}
        </QueryView>
      </Section>
    </>
  );
}

/** Owners and managers see the emails that did not arrive, and send a failed one again. */
export function DeliveriesPage() {
  return (
    <RoleGate allow={canManageClients}>
      <Deliveries />
    </RoleGate>
  );
}
