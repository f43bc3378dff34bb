import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Figures, PageHeader, QueryView, Section, SuccessNotice } from '../../ui';
import type { Week } from './timesheet-week-endpoints';
import type { WorkLog } from '../work-logs/work-log-endpoints';
import { useFormat } from '../../lib/i18n/use-format';
import { audienceOf, decidesWeeks } from '@candor/domain';
import { useMember } from '../me/current-member';
import { EntrySummary } from '../work-logs/entry-summary';
import { EntryStatusBadge, WeekStatusBadge } from '../work-logs/status-badges';
import { EntryCorrection } from './entry-correction';
import { EntryHistory } from './entry-history';
import { WeekDecision } from './week-decision';
import { useWeek } from './week-queries';

function WeekFigures({ week }: { week: Week }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Figures
      items={[
        { label: t('weeks.totalHours'), value: format.decimalHours(week.totalHours) },
        { label: t('weeks.billableHours'), value: format.decimalHours(week.billableHours) },
        { label: t('weeks.amount'), value: format.money(week.billableAmount, week.currency) },
      ]}
    />
  );
}

function StatusNote({ week }: { week: Week }) {
  const { t } = useTranslation();
  const format = useFormat();
  const member = useMember();
  const client = audienceOf(member.role) === 'client';
  if (week.status === 'approved') {
    return <SuccessNotice>{t('weeks.approvedOn', { date: format.dateTime(week.decidedAt ?? week.submittedAt) })}</SuccessNotice>;
  }
  if (week.status === 'disputed')
    return <p className="note note-danger">{client ? t('weeks.disputedClient') : t('weeks.disputedStaff')}</p>;
  if (decidesWeeks(member.role)) return <WeekDecision week={week} />;
  return <p className="note">{client ? t('weeks.waitingMember') : t('weeks.waitingStaff')}</p>;
}

function WeekView({ week }: { week: Week }) {
  const { t } = useTranslation();
  const format = useFormat();
  const member = useMember();
  const staff = audienceOf(member.role) !== 'client';
  // An assistant corrects their own entries only (the API's rule); owners and managers any.
  const mayCorrect = (entry: WorkLog) => staff && (member.role !== 'assistant' || entry.assistant?.id === member.user.id);
  return (
    <>
      <PageHeader
        title={t('weeks.title', { range: format.weekRange(week.weekStart) })}
        description={
          <>
            <Link to={`/engagements/${week.engagementId}`} className="text-link back-link">
              {week.engagementName}
            </Link>
            <span className="header-meta">
              <WeekStatusBadge status={week.status} />{' '}
              {t('weeks.byOn', { name: week.assistant.displayName, date: format.date(week.submittedAt) })}
            </span>
          </>
        }
      />
      <WeekFigures week={week} />
      <Section title={t('weeks.decisionTitle')}>
        <StatusNote week={week} />
      </Section>
      <Section title={t('weeks.entriesTitle')} description={t('weeks.entriesDescription')}>
        <ul className="entry-list" data-testid="week-entries">
          {(week.entries ?? []).map((entry) => (
            <li key={entry.id} className="entry-item">
              <EntrySummary entry={entry} badges={<EntryStatusBadge status={entry.status} />}>
                {mayCorrect(entry) ? <EntryCorrection entry={entry} /> : null}
                <EntryHistory entry={entry} mayReply={staff} />
              </EntrySummary>
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}

/** One submitted week: its entries with notes and edit trail; the client admin approves or disputes it here. */
export function WeekPage() {
  const { t } = useTranslation();
  const { weekId = '' } = useParams();
  const week = useWeek(weekId);
  return (
    <QueryView query={week} byStatus={{ 404: t('weeks.notFound'), 400: t('weeks.notFound') }}>
      {(data) => <WeekView week={data} />}
    </QueryView>
  );
}
