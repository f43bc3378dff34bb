import { addMember, createClientAccount, createEngagement, signUpTenant, type TenantFixture } from './factories';
import { startStack, type Stack } from './stack';
import type { Member } from './team';

/** The work-logging specs' tenant (in Europe/Berlin), its people and the engagement they log time on. */
export interface WorkTeam {
  stack: Stack;
  tenant: TenantFixture;
  /** Another tenant, for the 404 checks. */
  outsider: TenantFixture;
  clientId: string;
  otherClientId: string;
  /** Assigned to the engagement. */
  assistant: Member;
  /** On the team, assigned nowhere. */
  idleAssistant: Member;
  clientAdmin: Member;
  clientMember: Member;
  otherClientAdmin: Member;
  engagementId: string;
}

/** The tables the work-logging routes write, for `counts`. */
export const WORK_TABLES = [
  'engagements',
  'engagement_rates',
  'work_logs',
  'work_log_revisions',
  'timesheet_weeks',
  'comments',
  'notifications',
];

export async function startWorkTeam(stackOptions: Parameters<typeof startStack>[0] = {}): Promise<WorkTeam> {
  const stack = await startStack(stackOptions);
  const { api } = stack;
  const tenant = await signUpTenant(api, { timeZone: 'Europe/Berlin' });
  const outsider = await signUpTenant(api);
  const clientId = await createClientAccount(api, tenant.owner.token, 'Acme Bakery');
  const otherClientId = await createClientAccount(api, tenant.owner.token, 'Other Client');
  const assistant = await addMember(api, tenant.owner.token, 'assistant');
  const idleAssistant = await addMember(api, tenant.owner.token, 'assistant');
  const clientAdmin = await addMember(api, tenant.owner.token, 'client_admin', clientId);
  const clientMember = await addMember(api, tenant.owner.token, 'client_member', clientId);
  const otherClientAdmin = await addMember(api, tenant.owner.token, 'client_admin', otherClientId);
  const engagementId = (await createEngagement(api, tenant.owner.token, clientId, { name: 'Inbox care', assistantIds: [assistant.userId] }))
    .id;
  return {
    stack,
    tenant,
    outsider,
    clientId,
    otherClientId,
    assistant,
    idleAssistant,
    clientAdmin,
    clientMember,
    otherClientAdmin,
    engagementId,
  };
}
