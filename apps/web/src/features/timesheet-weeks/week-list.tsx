import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Week } from './timesheet-week-endpoints';
import { useFormat } from '../../lib/i18n/use-format';
import { WeekStatusBadge } from '../work-logs/status-badges';

/** Submitted weeks, each leading to its page with the entries; hours and amount at the end of the row. */
export function WeekList({ weeks, showEngagement = true }: { weeks: Week[]; showEngagement?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ul className="list" data-testid="week-list">
      {weeks.map((week) => {
        const range = format.weekRange(week.weekStart);
        return (
          <li key={week.id} className="list-row">
            <span className="avatar" aria-hidden="true">
              <svg className="avatar-icon" viewBox="0 0 20 20" focusable="false">
                <rect x="3" y="4.5" width="14" height="12" rx="2" />
                <path d="M3 8.5h14M7 2.5v4M13 2.5v4" />
              </svg>
            </span>
            <div className="list-main">
              <Link to={`/engagements/${week.engagementId}/weeks/${week.id}`} className="list-title">
                {showEngagement ? `${week.engagementName} · ${range}` : range}
              </Link>
              <p className="list-meta">
                <WeekStatusBadge status={week.status} />
                <span>{week.assistant.displayName}</span>
                <span>{t('weeks.submittedOn', { date: format.date(week.submittedAt) })}</span>
              </p>
            </div>
            <p className="list-aside list-figures">
              <span className="figure-strong">{t('time.hoursValue', { hours: format.decimalHours(week.totalHours) })}</span>
              <span>{format.money(week.billableAmount, week.currency)}</span>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
