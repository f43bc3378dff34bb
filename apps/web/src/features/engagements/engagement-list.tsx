import { useTranslation } from 'react-i18next';
import { NamedRow } from '../../ui';
import type { Engagement } from './engagement-endpoints';
import { useFormat } from '../../lib/i18n/use-format';
import { EngagementStatusBadge } from '../work-logs/status-badges';

/** Engagements with their client, status, rate and, for a retainer, this month's use. */
export function EngagementList({ engagements, showClient = true }: { engagements: Engagement[]; showClient?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ul className="list" data-testid="engagement-list">
      {engagements.map((engagement) => (
        <NamedRow
          key={engagement.id}
          name={engagement.name}
          to={`/engagements/${engagement.id}`}
          meta={
            <>
              <EngagementStatusBadge status={engagement.status} />
              {showClient ? <span>{engagement.clientName}</span> : null}
              {engagement.retainer ? (
                <span>
                  {t('engagements.retainerUse', {
                    used: format.decimalHours(engagement.retainer.usedHours),
                    total: format.decimalHours(engagement.retainer.hoursPerMonth),
                  })}
                </span>
              ) : null}
            </>
          }
          aside={
            engagement.currentRate
              ? t('engagements.perHour', { rate: format.money(engagement.currentRate.hourlyRate, engagement.currency) })
              : null
          }
        />
      ))}
    </ul>
  );
}
