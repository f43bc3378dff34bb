import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Section } from '../../ui';
import { listEngagements } from '../engagements/engagement-endpoints';
import { listMembers } from '../members/member-endpoints';
import { useClientAccounts } from '../client-accounts/client-queries';
import { useMember } from '../me/current-member';
import { usePendingInvitations } from '../invitations/invitation-queries';

/**
 * The owner's first steps in a new workspace: add a client, invite the team, create an engagement.
 * Each step is ticked from the workspace's own data, and the guide goes away once all are done.
 */
export function FirstRunGuide() {
  const { t } = useTranslation();
  const member = useMember();
  const clients = useClientAccounts();
  const invitations = usePendingInvitations();
  const members = useQuery({ queryKey: ['members', 'first-run'], queryFn: () => listMembers() });
  const engagements = useQuery({ queryKey: ['engagements', 'first-run'], queryFn: () => listEngagements() });
  if (member.role !== 'owner' || !clients.data || !invitations.data || !members.data || !engagements.data) return null;
  const steps = [
    { key: 'addClient', to: '/clients', done: clients.data.length > 0 },
    { key: 'inviteTeam', to: '/team', done: invitations.data.length > 0 || members.data.length > 1 },
    { key: 'createEngagement', to: '/engagements', done: engagements.data.length > 0 },
  ] as const;
  if (steps.every((step) => step.done)) return null;
  return (
    <Section title={t('firstRun.title')} description={t('firstRun.description')}>
      <ol className="first-run" data-testid="first-run-guide">
        {steps.map((step) => (
          <li key={step.key} className={step.done ? 'first-run-step first-run-done' : 'first-run-step'} data-done={step.done}>
            {step.done ? (
              <span>
                <span aria-hidden="true">✓ </span>
                {t(`firstRun.${step.key}`)} <span className="visually-hidden">{t('firstRun.done')}</span>
              </span>
            ) : (
              <Link to={step.to}>{t(`firstRun.${step.key}`)}</Link>
            )}
          </li>
        ))}
      </ol>
    </Section>
  );
}
