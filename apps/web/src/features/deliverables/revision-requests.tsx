import { useTranslation } from 'react-i18next';
import { Button, ErrorAlert } from '../../ui';
import type { RevisionRequest } from './deliverable-endpoints';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { useFormat } from '../../lib/i18n/use-format';
import { TextActionButton } from '../disclosures/inline-form';
import { RevisionRequestBadge } from './deliverable-labels';
import { useRevisionDecision } from './deliverable-queries';

function RoundLine({ request }: { request: RevisionRequest }) {
  const { t } = useTranslation();
  if (request.status === 'declined') return <>{t('deliverable.request.notCounted')}</>;
  if (!request.countsAsRound) return <>{t('deliverable.request.givenBack')}</>;
  const round = request.roundNumber ?? 0;
  return <>{request.billable ? t('deliverable.request.billableRound', { round }) : t('deliverable.request.includedRound', { round })}</>;
}

/** The client's requests for changes, newest first; a billable one waits for the team to accept or decline it. */
export function RevisionRequests({ requests, staff }: { requests: RevisionRequest[]; staff: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorMessages = useErrorMessages();
  const decide = useRevisionDecision();
  if (requests.length === 0) return <p className="muted">{t('deliverable.request.none')}</p>;
  const sorted = [...requests].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <ul className="list" data-testid="revision-requests">
      {sorted.map((request) => (
        <li key={request.id} className="list-row">
          <div className="list-main">
            <p className="list-title">
              {t('deliverable.request.onVersion', { number: request.versionNumber, name: request.requestedBy.displayName })}
            </p>
            <p className="list-meta">
              <span>{format.dateTime(request.createdAt)}</span>
              <span>
                <RoundLine request={request} />
              </span>
            </p>
            <p className="notes" dir="auto">
              {request.comment}
            </p>
            {request.declineReason ? (
              <p className="notes muted">{t('deliverable.request.declinedBecause', { reason: request.declineReason })}</p>
            ) : null}
            {request.status === 'pending_acceptance' ? (
              staff ? (
                <div className="form-actions">
                  <ErrorAlert messages={decide.isError ? errorMessages(decide.error) : []} />
                  <Button
                    variant="primary"
                    pending={decide.isPending}
                    onClick={() => !decide.isPending && decide.mutate({ id: request.id, accept: true })}
                  >
                    {t('deliverable.request.accept')}
                  </Button>
                  <TextActionButton
                    label={t('deliverable.request.decline')}
                    fieldLabel={t('deliverable.request.declineReason')}
                    hint={t('deliverable.request.declineHint')}
                    variant="quiet"
                    pending={decide.isPending}
                    error={decide.error}
                    onSubmit={(reason, done) => decide.mutate({ id: request.id, accept: false, reason }, { onSuccess: done })}
                  />
                </div>
              ) : (
                <p className="note">{t('deliverable.request.waitingTeam')}</p>
              )
            ) : null}
          </div>
          <div className="list-aside">
            <RevisionRequestBadge status={request.status} />
          </div>
        </li>
      ))}
    </ul>
  );
}
