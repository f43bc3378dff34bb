import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkLog } from './work-log-endpoints';
import { useFormat } from '../../lib/i18n/use-format';

/**
 * When, how long, what was done and what it costs: the part of an entry every screen shows the same way.
 * Times are in the reader's time zone unless the page names another (`timeZone`).
 */
export function EntrySummary({
  entry,
  badges,
  children,
  timeZone,
}: {
  entry: WorkLog;
  badges?: ReactNode;
  children?: ReactNode;
  timeZone?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat(timeZone);
  const span = entry.endedAt
    ? t('time.span', { from: format.time(entry.startedAt), to: format.time(entry.endedAt) })
    : entry.running
      ? t('time.runningSince', { time: format.time(entry.startedAt) })
      : t('time.adjustment');
  return (
    <div className="entry">
      <div className="entry-when">
        <p className="entry-day">{format.weekday(entry.startedAt)}</p>
        <p className="entry-span">{span}</p>
      </div>
      <div className="entry-main">
        <p className={entry.notes ? 'entry-notes' : 'entry-notes entry-notes-missing'}>{entry.notes || t('time.noNotes')}</p>
        <p className="entry-meta">
          {entry.assistant ? <span>{entry.assistant.displayName}</span> : <span>{t('time.theTeam')}</span>}
          {entry.billable ? null : <span>{t('time.notBillable')}</span>}
          {entry.fixedAtNoCharge ? <span>{t('time.fixedAtNoCharge')}</span> : null}
          {badges}
        </p>
        {children}
      </div>
      <div className="entry-figures">
        <p className="entry-duration">{entry.running ? '–' : format.hours(entry.durationSeconds ?? 0)}</p>
        <p className="entry-amount">{entry.billable && !entry.running ? format.money(entry.amount, entry.currency) : ''}</p>
      </div>
    </div>
  );
}
