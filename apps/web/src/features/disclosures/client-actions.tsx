import { useTranslation } from 'react-i18next';
import { Button, ErrorAlert, Section } from '../../ui';
import type { Disclosure } from './disclosure-endpoints';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { useMember } from '../me/current-member';
import { useStep } from './disclosure-queries';
import { CheckInForm } from './follow-ups';
import { TextActionButton } from './inline-form';

/** What the client is asked to do now, above everything else on their disclosure page. */
export function ClientActions({ disclosure }: { disclosure: Disclosure }) {
  const { t } = useTranslation();
  const errorMessages = useErrorMessages();
  const member = useMember();
  const step = useStep(disclosure.id);
  const admin = member.role === 'client_admin';
  const checkIn = (disclosure.followUps ?? []).find((followUp) => followUp.kind === 'client_check_in' && followUp.status === 'pending');

  // A remedy already written into the disclosure can be answered at once: accepting it acknowledges too.
  const remedyOnTable =
    (disclosure.status === 'disclosed' || disclosure.status === 'acknowledged') &&
    admin &&
    !!disclosure.remedyPlan.trim() &&
    !!disclosure.remedyDueAt;

  if (disclosure.status === 'disclosed' && !remedyOnTable) {
    return (
      <Section title={t('disclosure.client.acknowledgeAction')} className="panel-action">
        <p>{t('disclosure.client.acknowledgeIntro')}</p>
        <ErrorAlert messages={step.isError ? errorMessages(step.error) : []} />
        <Button variant="primary" pending={step.isPending} onClick={() => !step.isPending && step.mutate({ step: 'acknowledge' })}>
          {t('disclosure.client.acknowledge')}
        </Button>
      </Section>
    );
  }
  if (disclosure.status === 'remedy_proposed' || remedyOnTable) {
    return (
      <Section title={t('disclosure.client.remedyDecision')} className="panel-action">
        {remedyOnTable ? <p>{t('disclosure.client.remedyOnTable')}</p> : null}
        {admin ? (
          <>
            <ErrorAlert messages={step.isError ? errorMessages(step.error) : []} />
            <div className="form-actions">
              <Button variant="primary" pending={step.isPending} onClick={() => !step.isPending && step.mutate({ step: 'accept-remedy' })}>
                {t('disclosure.client.acceptRemedy')}
              </Button>
              <TextActionButton
                label={t('disclosure.client.askChanges')}
                fieldLabel={t('disclosure.client.changesComment')}
                submitLabel={t('disclosure.client.sendChanges')}
                pending={step.isPending}
                error={step.error}
                onSubmit={(comment, done) => step.mutate({ step: 'request-remedy-changes', comment }, { onSuccess: done })}
              />
            </div>
          </>
        ) : (
          <p className="muted">{t('disclosure.client.adminDecides')}</p>
        )}
      </Section>
    );
  }
  if (checkIn && disclosure.status === 'resolved') {
    return (
      <Section title={t('disclosure.client.checkInTitle')} className="panel-action">
        <CheckInForm disclosure={disclosure} />
      </Section>
    );
  }
  return null;
}
