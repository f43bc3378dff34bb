import {
  addMember,
  answerOffer,
  createClientAccount,
  createEngagement,
  createWorkLog,
  discloseNew,
  expectStatus,
  makeOffer,
  mondayOf,
  signUpTenant,
  type Api,
  type TenantFixture,
} from './factories';
import type { Member } from './team';

/** Last calendar month (UTC, the tenant's zone): the period the specs invoice, whatever day they run. */
export function lastMonth(now = new Date()): { day: (d: number) => string; start: string; end: string; year: number } {
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  const month = first.toISOString().slice(0, 7);
  const day = (d: number) => `${month}-${String(d).padStart(2, '0')}`;
  return { day, start: first.toISOString().slice(0, 10), end: last.toISOString().slice(0, 10), year: now.getUTCFullYear() };
}

export interface InvoiceTeam {
  tenant: TenantFixture;
  clientId: string;
  assistant: Member;
  clientAdmin: Member;
  clientMember: Member;
}

export async function startInvoiceTeam(api: Api, clientName = 'Acme Bakery'): Promise<InvoiceTeam> {
  const tenant = await signUpTenant(api);
  const clientId = await createClientAccount(api, tenant.owner.token, clientName);
  const assistant = await addMember(api, tenant.owner.token, 'assistant');
  const clientAdmin = await addMember(api, tenant.owner.token, 'client_admin', clientId);
  const clientMember = await addMember(api, tenant.owner.token, 'client_member', clientId);
  return { tenant, clientId, assistant, clientAdmin, clientMember };
}

/** An engagement of the team's client with the assistant on it. */
export async function engagementOf(
  api: Api,
  team: InvoiceTeam,
  overrides: Record<string, unknown> = {},
  clientId = team.clientId,
): Promise<string> {
  return (await createEngagement(api, team.tenant.owner.token, clientId, { assistantIds: [team.assistant.userId], ...overrides })).id;
}

/** Entries the assistant logs at 09:00 UTC on the given days (hours may be fractions); answers their ids. */
export async function logTime(
  api: Api,
  team: InvoiceTeam,
  engagementId: string,
  entries: { day: string; hours: number; disclosureId?: string }[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const e of entries) {
    const startedAt = `${e.day}T09:00:00.000Z`;
    const endedAt = new Date(Date.parse(startedAt) + Math.round(e.hours * 3600) * 1000).toISOString();
    const extra = e.disclosureId ? { disclosureId: e.disclosureId } : {};
    // The factory's type leaves out disclosureId (fix time); the API takes it.
    ids.push((await createWorkLog(api, team.assistant.token, engagementId, { startedAt, endedAt, ...extra })).id);
  }
  return ids;
}

/** The assistant hands in the weeks of those days and the client_admin approves them: the entries are locked. */
export async function approveWeeks(api: Api, team: InvoiceTeam, engagementId: string, days: string[]): Promise<void> {
  for (const monday of [...new Set(days.map((d) => mondayOf(new Date(`${d}T12:00:00Z`))))]) {
    const week = await expectStatus(
      'week',
      api.post('/api/v1/timesheet-weeks', { engagementId, weekStart: monday }, team.assistant.token),
      [201],
    );
    await expectStatus('approve', api.post(`/api/v1/timesheet-weeks/${week.body.id}/approve`, {}, team.clientAdmin.token), [200]);
  }
}

/** A disclosed error on the engagement with the offers made and accepted by the client_admin; answers the disclosure. */
export async function acceptedOffers(
  api: Api,
  team: InvoiceTeam,
  engagementId: string,
  offers: Record<string, unknown>[],
): Promise<string> {
  const owner = team.tenant.owner.token;
  const disclosureId = await discloseNew(api, owner, engagementId, {
    category: 'copy_error',
    occurredAt: '2026-01-05T09:00:00Z',
    discoveredAt: '2026-01-05T10:00:00Z',
    whatHappened: 'We sent the newsletter with the wrong date.',
    impact: 'Readers came on the wrong day.',
    apology: 'We are sorry.',
  });
  for (const offer of offers) {
    const made = (await makeOffer(api, owner, disclosureId, offer)) as { offers: { id: string }[] };
    await answerOffer(api, team.clientAdmin.token, made.offers.at(-1)?.id ?? '', 'accept');
  }
  return disclosureId;
}

/** Drafts an invoice of the client for last month (or the given body) and answers it. */
export async function draftInvoice(api: Api, team: InvoiceTeam, body: Record<string, unknown> = {}): Promise<any> {
  const { start, end } = lastMonth();
  const response = await api.post(
    '/api/v1/invoices',
    { clientAccountId: team.clientId, periodStart: start, periodEnd: end, ...body },
    team.tenant.owner.token,
  );
  if (response.status !== 201) throw new Error(`draft: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}
