import type { Api } from '@candor/testing';
import { addMember, createClientAccount, createEngagement, signUpTenant, type TenantFixture } from './factories';
import { startStack, type Stack } from './stack';
import type { Member } from './team';

/** Internal text a client must never read: each marked, so a leak is found by a plain search. */
export const SECRET = {
  rootCause: 'ROOT-CAUSE-7f3a: the send list filter was copied from last month',
  contributing: 'CONTRIB-91bc: two campaigns in one afternoon',
  lessons: 'LESSON-42de: always preview the recipient count before sending',
  preventive: 'PREVENT-5c1e: a second pair of eyes on every send list',
  internalComment: 'INTERNAL-COMMENT-b7d2: the assistant was covering for a sick colleague',
};

/** The tables the disclosure routes write, for `counts`. */
export const DISCLOSURE_TABLES = [
  'disclosures',
  'disclosure_events',
  'compensation_offers',
  'credit_ledger_entries',
  'comments',
  'notifications',
];

/** The disclosure specs' tenant ("Northwind VAs"), its people, and an engagement of each client. */
export interface DisclosureTeam {
  stack: Stack;
  tenant: TenantFixture;
  /** Another tenant, for the 404 checks. */
  outsider: TenantFixture;
  clientId: string;
  manager: Member;
  /** Assigned to `engagementId`, named "Ada Lovelace" so the blameless checks have a name to find. */
  assistant: Member;
  clientAdmin: Member;
  clientMember: Member;
  otherClientAdmin: Member;
  engagementId: string;
  /** An engagement of the other client, with nobody assigned. */
  otherEngagementId: string;
}

export async function startDisclosureTeam(): Promise<DisclosureTeam> {
  const stack = await startStack();
  const { api } = stack;
  const tenant = await signUpTenant(api, { tenantName: 'Northwind VAs' });
  const outsider = await signUpTenant(api);
  const clientId = await createClientAccount(api, tenant.owner.token, 'Acme Bakery');
  const otherClientId = await createClientAccount(api, tenant.owner.token, 'Other Client');
  const manager = await addMember(api, tenant.owner.token, 'manager');
  const assistant = await addMember(api, tenant.owner.token, 'assistant');
  const clientAdmin = await addMember(api, tenant.owner.token, 'client_admin', clientId);
  const clientMember = await addMember(api, tenant.owner.token, 'client_member', clientId);
  const otherClientAdmin = await addMember(api, tenant.owner.token, 'client_admin', otherClientId);
  const engagementId = (
    await createEngagement(api, tenant.owner.token, clientId, { name: 'Newsletter care', assistantIds: [assistant.userId] })
  ).id;
  const otherEngagementId = (await createEngagement(api, tenant.owner.token, otherClientId, { name: 'Other work' })).id;
  // A recognisable name, so the blameless checks have something to find.
  expect((await api.patch('/api/v1/me', { displayName: 'Ada Lovelace' }, assistant.token)).status).toBe(200);
  return {
    stack,
    tenant,
    outsider,
    clientId,
    manager,
    assistant,
    clientAdmin,
    clientMember,
    otherClientAdmin,
    engagementId,
    otherEngagementId,
  };
}

/** A copy-error draft on `engagementId`, discovered an hour ago, with every internal field set to a SECRET. */
export function draftDisclosure(api: Api, engagementId: string, token: string, extra: Record<string, unknown> = {}) {
  return api.post(
    '/api/v1/disclosures',
    {
      engagementId,
      category: 'copy_error',
      severity: 'medium',
      occurredAt: '2026-11-20T09:00:00Z',
      discoveredAt: new Date(Date.now() - 3_600_000).toISOString(),
      whatHappened: 'We sent the November newsletter to the full list instead of the VIP segment.',
      impact: 'About 2,000 customers got an early-access code meant for 150 VIPs.',
      apology: 'We are sorry: this was our mistake and we should have checked the list before sending.',
      rootCause: SECRET.rootCause,
      contributingFactors: SECRET.contributing,
      lessonsLearned: SECRET.lessons,
      preventiveActions: SECRET.preventive,
      ...extra,
    },
    token,
  );
}
