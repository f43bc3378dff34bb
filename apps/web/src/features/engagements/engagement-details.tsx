import { useTranslation } from 'react-i18next';
import { Button, DetailsList, ErrorAlert, QueryView } from '../../ui';
import type { Engagement } from './engagement-endpoints';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { useFormat } from '../../lib/i18n/use-format';
import { decidesWeeks } from '@candor/domain';
import { useMember } from '../me/current-member';
import { useAcceptConfidentiality, useRates } from './engagement-queries';

export function EngagementFacts({ engagement }: { engagement: Engagement }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows: [string, string][] = [
    [t('engagements.client'), engagement.clientName],
    [
      t('engagements.rate'),
      engagement.currentRate
        ? t('engagements.perHour', { rate: format.money(engagement.currentRate.hourlyRate, engagement.currency) })
        : '–',
    ],
    [t('engagements.revisionRounds'), format.number(engagement.includedRevisionRounds)],
    [t('engagements.deadline'), engagement.deadline ? format.day(engagement.deadline) : t('engagements.noDeadline')],
    [t('engagements.assistants'), engagement.assistants.map((person) => person.displayName).join(', ') || t('engagements.noAssistants')],
  ];
  return <DetailsList rows={rows} />;
}

export function RetainerMeter({ engagement }: { engagement: Engagement }) {
  const { t } = useTranslation();
  const format = useFormat();
  const retainer = engagement.retainer;
  if (!retainer) return null;
  const label = t('engagements.retainerUse', {
    used: format.decimalHours(retainer.usedHours),
    total: format.decimalHours(retainer.hoursPerMonth),
  });
  return (
    <div className="meter-block">
      <div className="meter-labels">
        <span>{label}</span>
        <span>{t('engagements.retainerLeft', { hours: format.decimalHours(retainer.remainingHours) })}</span>
      </div>
      <meter
        className="meter"
        min={0}
        max={100}
        low={80}
        high={99}
        optimum={40}
        value={Math.min(retainer.usedPercent, 100)}
        aria-label={label}
      />
    </div>
  );
}

export function RateHistory({ engagement }: { engagement: Engagement }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rates = useRates(engagement.id);
  return (
    <QueryView query={rates}>
      {(list) => (
        <ul className="rate-list" data-testid="rate-history">
          {list.map((rate) => (
            <li key={rate.id}>
              <span>{t('engagements.rateFrom', { date: format.day(rate.effectiveFrom) })}</span>
              <strong>{t('engagements.perHour', { rate: format.money(rate.hourlyRate, engagement.currency) })}</strong>
            </li>
          ))}
        </ul>
      )}
    </QueryView>
  );
}

/** The confidentiality terms and who accepted them when; the client admin accepts them here. */
export function Confidentiality({ engagement }: { engagement: Engagement }) {
  const { t } = useTranslation();
  const format = useFormat();
  const member = useMember();
  const errorMessages = useErrorMessages();
  const accept = useAcceptConfidentiality(engagement.id);
  const { terms, acceptedAt, acceptedBy } = engagement.confidentiality;
  if (!terms) return <p className="muted">{t('engagements.noTerms')}</p>;
  return (
    <div className="confidentiality">
      <blockquote className="terms">{terms}</blockquote>
      {acceptedAt ? (
        <p className="note note-success">
          {t('engagements.acceptedBy', { name: acceptedBy?.displayName ?? '–', date: format.dateTime(acceptedAt) })}
        </p>
      ) : (
        <>
          <p className="note">{t('engagements.notAccepted')}</p>
          <ErrorAlert messages={accept.isError ? errorMessages(accept.error) : []} />
          {decidesWeeks(member.role) ? (
            <Button variant="primary" pending={accept.isPending} onClick={() => !accept.isPending && accept.mutate()}>
              {t('engagements.accept')}
            </Button>
          ) : null}
        </>
      )}
    </div>
  );
}

export function WorkingAgreement({ engagement }: { engagement: Engagement }) {
  const { t } = useTranslation();
  const agreement = engagement.workingAgreement;
  const rows = (['expectations', 'communication', 'responseTimes', 'informationNeeded'] as const).filter((key) => agreement[key]);
  if (rows.length === 0) return <p className="muted">{t('engagements.noAgreement')}</p>;
  return (
    <dl className="stacked">
      {rows.map((key) => (
        <div key={key}>
          <dt>{t(`engagements.agreement.${key}`)}</dt>
          <dd>{agreement[key]}</dd>
        </div>
      ))}
    </dl>
  );
}
