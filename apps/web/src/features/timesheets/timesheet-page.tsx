import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { Button, EmptyState, ErrorAlert, PageHeader, QueryView, Section } from '../../ui';
import { downloadTimesheet, getTimesheet, type Timesheet, type TimesheetPeriod } from './timesheet-endpoints';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { useFormat } from '../../lib/i18n/use-format';
import { saveFile } from '../../lib/save-file';
import { sharesTimesheets } from '@candor/domain';
import { useMember } from '../me/current-member';
import { EntrySummary } from '../work-logs/entry-summary';
import { EntryStatusBadge } from '../work-logs/status-badges';
import { ShareLinks, usePeriodLabel } from './share-links';
import { currentPeriod, parsePeriod, shiftPeriod, type PeriodKind } from './timesheet-period';

function Totals({ sheet }: { sheet: Timesheet }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { totals } = sheet;
  const rows: [string, string][] = [
    [t('timesheet.totalHours'), format.decimalHours(totals.totalHours)],
    [t('timesheet.billableHours'), format.decimalHours(totals.billableHours)],
    [t('timesheet.nonBillableHours'), format.decimalHours(totals.nonBillableHours)],
    [t('timesheet.amount'), format.money(totals.billableAmount, sheet.engagement.currency)],
  ];
  return (
    <dl className="figures" data-testid="timesheet-totals">
      {rows.map(([label, value]) => (
        <div key={label} className="figure">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** CSV and the printable report need the sign-in token: fetched here, then handed to the browser. */
function Exports({ engagementId, period }: { engagementId: string; period: TimesheetPeriod }) {
  const { t } = useTranslation();
  const errorMessages = useErrorMessages();
  const [busy, setBusy] = useState<'csv' | 'report' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async (format: 'csv' | 'report') => {
    if (busy) return;
    setBusy(format);
    setError(null);
    // Opened before the request, so the browser counts it as the reader's own click (no pop-up blocking).
    const tab = format === 'report' ? window.open('', '_blank') : null;
    try {
      const file = await downloadTimesheet(engagementId, period, format);
      if (tab) {
        const url = URL.createObjectURL(file);
        tab.location.href = url;
        window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
      } else {
        saveFile(file, `timesheet-${period.period}-${period.start}.csv`);
      }
    } catch (caught) {
      tab?.close();
      setError(caught);
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <Button pending={busy === 'csv'} onClick={() => void run('csv')}>
        {t('timesheet.csv')}
      </Button>
      <Button pending={busy === 'report'} onClick={() => void run('report')}>
        {t('timesheet.report')}
      </Button>
      {error ? <ErrorAlert messages={errorMessages(error)} /> : null}
    </>
  );
}

/** An engagement's time for a week or a month: every entry, the totals, and the exports. */
export function TimesheetPage() {
  const { t } = useTranslation();
  const periodLabel = usePeriodLabel();
  const member = useMember();
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const period = parsePeriod(search.get('period'), search.get('start')) ?? currentPeriod('week', member.tenant.timeZone);
  const sheet = useQuery({ queryKey: ['timesheet', id, period], queryFn: () => getTimesheet(id, period) });
  const go = (next: TimesheetPeriod) => setSearch({ period: next.period, start: next.start }, { replace: true });
  const label = periodLabel(period.period, period.start);

  return (
    <>
      <PageHeader
        title={t('timesheet.title', { name: sheet.data?.engagement.name ?? '' })}
        description={
          <Link to={`/engagements/${id}`} className="text-link back-link">
            {sheet.data ? `${sheet.data.engagement.name} · ${sheet.data.engagement.clientName}` : t('engagements.backToList')}
          </Link>
        }
        actions={<Exports engagementId={id} period={period} />}
      />
      <div className="period-bar" role="group" aria-label={t('timesheet.period')}>
        <div className="segmented">
          {(['week', 'month'] as PeriodKind[]).map((kind) => (
            <button
              key={kind}
              type="button"
              className="segment"
              aria-pressed={period.period === kind}
              onClick={() => go(currentPeriod(kind, member.tenant.timeZone))}
            >
              {t(`timesheet.${kind}`)}
            </button>
          ))}
        </div>
        <div className="period-nav">
          <Button variant="quiet" onClick={() => go(shiftPeriod(period, -1))} aria-label={t('timesheet.previous')}>
            <span className="chevron chevron-back" aria-hidden="true" />
          </Button>
          <p className="period-label" aria-live="polite">
            {label}
          </p>
          <Button variant="quiet" onClick={() => go(shiftPeriod(period, 1))} aria-label={t('timesheet.next')}>
            <span className="chevron chevron-forward" aria-hidden="true" />
          </Button>
        </div>
      </div>
      <QueryView query={sheet} byStatus={{ 404: t('engagements.notFound') }}>
        {(data) => (
          <>
            <Totals sheet={data} />
            <Section title={t('timesheet.entries')} description={t('timesheet.timeZoneNote', { zone: data.period.timeZone })}>
              {data.entries.length === 0 ? (
                <EmptyState title={t('timesheet.emptyTitle')}>{t('timesheet.emptyText')}</EmptyState>
              ) : (
                <ul className="entry-list" data-testid="timesheet-entries">
                  {data.entries.map((entry) => (
                    <li key={entry.id} className="entry-item">
                      <EntrySummary entry={entry} timeZone={data.period.timeZone} badges={<EntryStatusBadge status={entry.status} />} />
                    </li>
                  ))}
                </ul>
              )}
            </Section>
          </>
        )}
      </QueryView>
      {sharesTimesheets(member.role) ? <ShareLinks engagementId={id} period={period} /> : null}
    </>
  );
}
