import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { RoleGate } from '../../app/layout/role-gate';
import { EmptyState, KeysetList, PageHeader, QueryView, Section, SelectField, TextField } from '../../ui';
import { listAuditEvents, type AuditEvent, type AuditFilter } from './audit-endpoints';
import { useFormat } from '../../lib/i18n/use-format';
import { canManageClients } from '@candor/domain';
import { useMembers } from '../members/member-queries';
import { entityPath, readAction } from './audit-labels';

const ENTITY_TYPES = [
  'disclosure',
  'deliverable',
  'work_log',
  'timesheet_week',
  'engagement',
  'client_account',
  'invitation',
  'share_link',
  'tenant',
] as const;
const PAGE = 50;

function useActionText() {
  const { t } = useTranslation();
  return (action: string) => {
    const read = readAction(action);
    const subject = read.subject ? t(`audit.subject.${read.subject}`) : read.subjectWords;
    const verb = read.verb ? t(`audit.verb.${read.verb}`) : read.verbWords;
    return subject ? `${subject} · ${verb}` : verb;
  };
}

function AuditRow({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const format = useFormat();
  const actionText = useActionText();
  const path = entityPath(event.entityType, event.entityId);
  const changed = Object.keys(event.change).length > 0;
  return (
    <li className="list-row audit-row">
      <div className="list-main">
        <p className="list-title">{actionText(event.action)}</p>
        <p className="list-meta">
          <time dateTime={event.at}>{format.dateTime(event.at)}</time>
          <span>
            {event.actor && event.apiKey
              ? t('audit.viaApiKey', { name: event.actor.displayName, key: event.apiKey.name })
              : event.actor
                ? event.actor.displayName
                : t('audit.system')}
          </span>
          {path ? (
            <Link to={path} className="text-link">
              {t('audit.open', { subject: t(`audit.subject.${event.entityType as 'disclosure'}`) })}
            </Link>
          ) : null}
        </p>
        {changed ? (
          <details className="audit-change">
            <summary>{t('audit.change')}</summary>
            <pre dir="ltr">{JSON.stringify(event.change, null, 2)}</pre>
          </details>
        ) : null}
      </div>
    </li>
  );
}

function AuditLog() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const members = useMembers();
  const [entityType, entityId, actorId] = [search.get('entityType'), search.get('entityId'), search.get('actorId')];
  const filter: AuditFilter = {
    ...(entityType ? { entityType } : {}),
    ...(entityId ? { entityId } : {}),
    ...(actorId ? { actorId } : {}),
  };
  const setFilter = (key: 'entityType' | 'entityId' | 'actorId', value: string) =>
    setSearch(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const events = useInfiniteQuery({
    queryKey: ['audit-events', filter],
    queryFn: ({ pageParam }) => listAuditEvents({ ...filter, limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const people = [...(members.data ?? [])].sort((a, b) => a.displayName.localeCompare(b.displayName));
  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <form className="filter-bar" role="search" aria-label={t('audit.filters')} onSubmit={(event) => event.preventDefault()}>
        <SelectField
          label={t('audit.entityType')}
          value={filter.entityType ?? ''}
          onChange={(event) => setFilter('entityType', event.target.value)}
        >
          <option value="">{t('audit.allEntities')}</option>
          {ENTITY_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`audit.subject.${type}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('audit.actor')} value={filter.actorId ?? ''} onChange={(event) => setFilter('actorId', event.target.value)}>
          <option value="">{t('audit.everyone')}</option>
          {people.map((person) => (
            <option key={person.userId} value={person.userId}>
              {person.displayName} · {t(`roles.${person.role}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('audit.entityId')}
          hint={t('audit.entityIdHint')}
          dir="ltr"
          spellCheck={false}
          value={filter.entityId ?? ''}
          onChange={(event) => setFilter('entityId', event.target.value.trim())}
        />
      </form>
      <Section title={t('audit.eventsTitle')}>
        <QueryView query={events} byStatus={{ 400: t('audit.badFilter') }}>
          {(data) => (
            <KeysetList
              query={events}
              data={data}
              testId="audit-events"
              empty={<EmptyState title={t('audit.emptyTitle')}>{t('audit.emptyText')}</EmptyState>}
              olderLabel={t('audit.older')}
              renderItem={(event) => <AuditRow key={event.id} event={event} />}
            />
          )}
        </QueryView>
      </Section>
    </>
  );
}

/** Owners and managers read who did what, when, across the workspace. */
export function AuditPage() {
  return (
    <RoleGate allow={canManageClients}>
      <AuditLog />
    </RoleGate>
  );
}
