import { RequestMethod } from '@nestjs/common';
import { generate } from 'otplib';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { Role } from '@candor/domain';
import { POLICY, PUBLIC_ROUTE } from '../../apps/api/src/common/access.decorators';
import type { Api } from '../support/api-client';
import { PASSWORD, addMember, createClientAccount, createEngagement, signUpTenant, uniqueEmail } from '../support/factories';
import { SAMPLE, uploadVersion, type FilePart } from '../support/multipart';
import { startStack, type Stack } from '../support/stack';

type Request = { method: string; path: string; body?: unknown; upload?: { fields: Record<string, string>; files: FilePart[] } };
/** Builds the request for one role; may arrange fresh rows first, so each role meets the same situation. */
type Call = (ctx: Ctx, role: Role) => Request | Promise<Request>;
interface Ctx {
  api: Api;
  tokens: Record<Role, string>;
  clientId: string;
  engagementId: string;
  /** A submitted entry of the assistant, in a submitted week: visible to every role. */
  workLogId: string;
  weekId: string;
  /** An entry of an approved (locked) week. */
  lockedLogId: string;
  shareLinkId: string;
  /** A disclosed disclosure of the engagement: visible to every role. */
  disclosureId: string;
  /** A deliverable of the engagement with version 1 and its file: visible to every role. */
  deliverableId: string;
  fileId: string;
  /** An engagement with no included revision rounds: every request there is billable. */
  billableEngagementId: string;
}

const ALLOW = 'allow';
const DENY = 'deny';
const STAFF = { owner: ALLOW, manager: ALLOW, assistant: ALLOW, client_admin: DENY, client_member: DENY } as const;
const EVERYONE = { owner: ALLOW, manager: ALLOW, assistant: ALLOW, client_admin: ALLOW, client_member: ALLOW } as const;
const MANAGERS = { owner: ALLOW, manager: ALLOW, assistant: DENY, client_admin: DENY, client_member: DENY } as const;
const CLIENT_ADMIN_ONLY = { owner: DENY, manager: DENY, assistant: DENY, client_admin: ALLOW, client_member: DENY } as const;
const CLIENTS = { owner: DENY, manager: DENY, assistant: DENY, client_admin: ALLOW, client_member: ALLOW } as const;
const OWNER_ONLY = { owner: ALLOW, manager: DENY, assistant: DENY, client_admin: DENY, client_member: DENY } as const;
const SHARERS = { owner: ALLOW, manager: ALLOW, assistant: DENY, client_admin: ALLOW, client_member: DENY } as const;

async function userIdOf(ctx: Ctx, role: Role): Promise<string> {
  return (await ctx.api.get('/api/v1/me', ctx.tokens[role])).body.user.id;
}

/** Signs `role` in again and returns that new session's id. */
async function secondSession(ctx: Ctx, role: Role): Promise<string> {
  const email = (await ctx.api.get('/api/v1/me', ctx.tokens[role])).body.user.email;
  const login = await ctx.api.post('/api/v1/auth/login', { email, password: PASSWORD });
  if (login.status !== 200) throw new Error(`arrange: ${login.status} ${JSON.stringify(login.body)}`);
  const sessions = (await ctx.api.get('/api/v1/me/sessions', login.body.accessToken)).body as { id: string; current: boolean }[];
  return sessions.find((s) => s.current)!.id;
}

/** Each arranged week gets its own Monday, so no two arrangements meet. */
let weekCounter = 0;
const nextMonday = () => new Date(Date.UTC(2024, 0, 1 + 7 * weekCounter++)).toISOString().slice(0, 10);

async function logDraft(ctx: Ctx, role: Role, day: string): Promise<string> {
  const response = await ctx.api.post(
    '/api/v1/work-logs',
    { engagementId: ctx.engagementId, startedAt: `${day}T08:00:00Z`, endedAt: `${day}T09:00:00Z`, notes: 'Matrix work' },
    ctx.tokens[role],
  );
  if (response.status !== 201) throw new Error(`arrange: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id;
}

/** An entry of the assistant in a submitted week; disputed by the client_admin when asked. */
async function submittedEntry(ctx: Ctx, dispute = false): Promise<{ workLogId: string; weekId: string }> {
  const monday = nextMonday();
  const workLogId = await logDraft(ctx, 'assistant', monday);
  const week = await ctx.api.post('/api/v1/timesheet-weeks', { engagementId: ctx.engagementId, weekStart: monday }, ctx.tokens.assistant);
  if (dispute) {
    await ctx.api.post(`/api/v1/timesheet-weeks/${week.body.id}/dispute`, { entries: [{ workLogId, comment: 'Please check' }] }, ctx.tokens.client_admin);
  }
  return { workLogId, weekId: week.body.id };
}

const DISCLOSURE_PATH = ['draft', 'in_review', 'disclosed', 'remedy_proposed', 'remedy_accepted', 'in_remediation', 'resolved'] as const;

/** A fresh disclosure of the engagement, walked by the owner and the client_admin up to `status`. */
async function disclosureAt(c: Ctx, status: (typeof DISCLOSURE_PATH)[number]): Promise<string> {
  const created = await c.api.post(
    '/api/v1/disclosures',
    {
      engagementId: c.engagementId,
      category: 'missed_deadline',
      severity: 'low',
      occurredAt: '2026-01-05T09:00:00Z',
      discoveredAt: '2026-01-05T10:00:00Z',
      whatHappened: 'We sent the report a day late.',
      impact: 'You had to move a meeting.',
      apology: 'We are sorry.',
    },
    c.tokens.owner,
  );
  if (created.status !== 201) throw new Error(`arrange: ${created.status} ${JSON.stringify(created.body)}`);
  const id = created.body.id as string;
  const steps: Record<string, [string, Role, unknown]> = {
    in_review: ['submit-for-review', 'owner', {}],
    disclosed: ['disclose', 'owner', {}],
    remedy_proposed: ['propose-remedy', 'owner', { remedyPlan: 'We send it early next time.', remedyDueAt: new Date(Date.now() + 86_400_000).toISOString() }],
    remedy_accepted: ['accept-remedy', 'client_admin', {}],
    in_remediation: ['start-remediation', 'owner', {}],
    resolved: ['resolve', 'owner', { resolutionSummary: 'Sent, with an apology.' }],
  };
  // The review step is a detour: disclosing goes straight from the draft.
  const path = status === 'in_review' ? ['in_review'] : DISCLOSURE_PATH.slice(2, DISCLOSURE_PATH.indexOf(status) + 1);
  for (const next of path) {
    const [action, role, body] = steps[next]!;
    const moved = await c.api.post(`/api/v1/disclosures/${id}/${action}`, body, c.tokens[role]);
    if (moved.status !== 200) throw new Error(`arrange ${action}: ${moved.status} ${JSON.stringify(moved.body)}`);
  }
  return id;
}

/** An open offer on a fresh disclosed disclosure; accepted by the client_admin when asked. */
async function offerOn(c: Ctx, accepted = false): Promise<string> {
  const id = await disclosureAt(c, 'disclosed');
  const offered = await c.api.post(`/api/v1/disclosures/${id}/offers`, { kind: 'free_hours', value: '1.5' }, c.tokens.owner);
  const offerId = offered.body.offers[0].id as string;
  if (accepted) await c.api.post(`/api/v1/compensation-offers/${offerId}/accept`, {}, c.tokens.client_admin);
  return offerId;
}

/** The team retrospective of a fresh resolved disclosure. */
async function retrospectiveOf(c: Ctx): Promise<string> {
  const id = await disclosureAt(c, 'resolved');
  const found = await c.api.get(`/api/v1/disclosures/${id}`, c.tokens.owner);
  return found.body.followUps.find((f: { kind: string }) => f.kind === 'team_retrospective').id;
}

/** A fresh deliverable with version 1 delivered by the owner, waiting for the client's review. */
async function deliverableAt(c: Ctx, engagementId = c.engagementId): Promise<{ id: string; fileId: string }> {
  const created = await c.api.post('/api/v1/deliverables', { engagementId, title: 'Matrix newsletter' }, c.tokens.owner);
  if (created.status !== 201) throw new Error(`arrange: ${created.status} ${JSON.stringify(created.body)}`);
  const v1 = await uploadVersion(c.api.baseUrl, created.body.id, c.tokens.owner, { changeSummary: 'First draft.' }, [SAMPLE.pdf()]);
  if (v1.status !== 201) throw new Error(`arrange upload: ${v1.status} ${JSON.stringify(v1.body)}`);
  return { id: created.body.id, fileId: v1.body.versions[0].files[0].id };
}

/** A billable revision request waiting for the team. */
async function billableRequest(c: Ctx): Promise<string> {
  const { id } = await deliverableAt(c, c.billableEngagementId);
  const asked = await c.api.post(`/api/v1/deliverables/${id}/request-changes`, { comment: 'One more round.' }, c.tokens.client_admin);
  if (asked.status !== 200) throw new Error(`arrange request: ${asked.status} ${JSON.stringify(asked.body)}`);
  return asked.body.revisionRequests[0].id;
}

const POLICY_BODY = { remedyPlan: 'We fix it within a day at no charge.', remedyDueHours: 24 };

/** Every authenticated route, and what each role gets. Deny is 403, or 404 where the object is hidden. */
const MATRIX: { name: string; call: Call; expect: Record<Role, typeof ALLOW | typeof DENY> }[] = [
  { name: 'GET /me', call: () => ({ method: 'GET', path: '/api/v1/me' }), expect: EVERYONE },
  { name: 'PATCH /me', call: () => ({ method: 'PATCH', path: '/api/v1/me', body: { locale: 'en' } }), expect: EVERYONE },
  {
    name: 'GET /tenant',
    call: () => ({ method: 'GET', path: '/api/v1/tenant' }),
    expect: STAFF,
  },
  {
    name: 'PATCH /tenant',
    call: () => ({ method: 'PATCH', path: '/api/v1/tenant', body: { settings: { timerLimitHours: 10 } } }),
    expect: { owner: ALLOW, manager: DENY, assistant: DENY, client_admin: DENY, client_member: DENY },
  },
  { name: 'GET /client-accounts', call: () => ({ method: 'GET', path: '/api/v1/client-accounts' }), expect: EVERYONE },
  { name: 'GET /client-accounts/:own', call: ({ clientId }) => ({ method: 'GET', path: `/api/v1/client-accounts/${clientId}` }), expect: EVERYONE },
  {
    name: 'POST /client-accounts',
    call: () => ({ method: 'POST', path: '/api/v1/client-accounts', body: { name: `Matrix ${Math.random()}` } }),
    expect: MANAGERS,
  },
  {
    name: 'PATCH /client-accounts/:own',
    call: ({ clientId }) => ({ method: 'PATCH', path: `/api/v1/client-accounts/${clientId}`, body: { billingEmail: 'billing@acme.test' } }),
    expect: MANAGERS,
  },
  {
    name: 'GET /invitations',
    call: () => ({ method: 'GET', path: '/api/v1/invitations' }),
    expect: { owner: ALLOW, manager: ALLOW, assistant: DENY, client_admin: ALLOW, client_member: DENY },
  },
  {
    name: 'POST /invitations (manager)',
    call: () => ({ method: 'POST', path: '/api/v1/invitations', body: { email: uniqueEmail('m'), role: 'manager' } }),
    expect: { owner: ALLOW, manager: DENY, assistant: DENY, client_admin: DENY, client_member: DENY },
  },
  {
    name: 'POST /invitations (assistant)',
    call: () => ({ method: 'POST', path: '/api/v1/invitations', body: { email: uniqueEmail('a'), role: 'assistant' } }),
    expect: MANAGERS,
  },
  {
    name: 'POST /invitations (client_member of own account)',
    call: ({ clientId }) => ({
      method: 'POST',
      path: '/api/v1/invitations',
      body: { email: uniqueEmail('c'), role: 'client_member', clientAccountId: clientId },
    }),
    expect: { owner: ALLOW, manager: ALLOW, assistant: DENY, client_admin: ALLOW, client_member: DENY },
  },
  { name: 'GET /engagements', call: () => ({ method: 'GET', path: '/api/v1/engagements' }), expect: EVERYONE },
  { name: 'GET /engagements/:own', call: (c) => ({ method: 'GET', path: `/api/v1/engagements/${c.engagementId}` }), expect: EVERYONE },
  {
    name: 'POST /engagements',
    call: (c) => ({ method: 'POST', path: '/api/v1/engagements', body: { clientAccountId: c.clientId, name: 'M', currency: 'EUR', hourlyRate: '40' } }),
    expect: MANAGERS,
  },
  {
    name: 'PATCH /engagements/:own',
    call: (c) => ({ method: 'PATCH', path: `/api/v1/engagements/${c.engagementId}`, body: { description: 'Matrix' } }),
    expect: MANAGERS,
  },
  {
    name: 'POST /engagements/:own/confidentiality/accept',
    call: (c) => ({ method: 'POST', path: `/api/v1/engagements/${c.engagementId}/confidentiality/accept`, body: {} }),
    expect: CLIENT_ADMIN_ONLY,
  },
  { name: 'GET /engagements/:own/rates', call: (c) => ({ method: 'GET', path: `/api/v1/engagements/${c.engagementId}/rates` }), expect: EVERYONE },
  {
    name: 'POST /engagements/:own/rates',
    call: (c) => ({ method: 'POST', path: `/api/v1/engagements/${c.engagementId}/rates`, body: { hourlyRate: '50', effectiveFrom: nextMonday() } }),
    expect: MANAGERS,
  },
  { name: 'GET /work-logs', call: () => ({ method: 'GET', path: '/api/v1/work-logs' }), expect: EVERYONE },
  { name: 'GET /work-logs/:own', call: (c) => ({ method: 'GET', path: `/api/v1/work-logs/${c.workLogId}` }), expect: EVERYONE },
  {
    name: 'POST /work-logs',
    call: (c) => ({
      method: 'POST',
      path: '/api/v1/work-logs',
      body: { engagementId: c.engagementId, startedAt: '2026-08-03T08:00:00Z', endedAt: '2026-08-03T09:00:00Z', notes: 'Matrix' },
    }),
    expect: STAFF,
  },
  {
    name: 'PATCH /work-logs/:own',
    call: (c) => ({ method: 'PATCH', path: `/api/v1/work-logs/${c.workLogId}`, body: { notes: `Matrix ${Math.random()}`, reason: 'Clearer notes' } }),
    expect: STAFF,
  },
  {
    name: 'DELETE /work-logs/:own',
    call: async (c) => ({ method: 'DELETE', path: `/api/v1/work-logs/${await logDraft(c, 'assistant', nextMonday())}` }),
    expect: STAFF,
  },
  {
    name: 'POST /work-logs/:own/adjustments',
    call: (c) => ({ method: 'POST', path: `/api/v1/work-logs/${c.lockedLogId}/adjustments`, body: { minutes: -1, notes: 'Matrix', reason: 'Matrix fix' } }),
    expect: STAFF,
  },
  {
    name: 'POST /work-logs/:own/dispute-reply',
    call: async (c) => ({
      method: 'POST',
      path: `/api/v1/work-logs/${(await submittedEntry(c, true)).workLogId}/dispute-reply`,
      body: { body: 'Checked: it is right' },
    }),
    expect: STAFF,
  },
  { name: 'GET /work-logs/:own/trail', call: (c) => ({ method: 'GET', path: `/api/v1/work-logs/${c.workLogId}/trail` }), expect: EVERYONE },
  { name: 'GET /work-logs/:own/comments', call: (c) => ({ method: 'GET', path: `/api/v1/work-logs/${c.workLogId}/comments` }), expect: EVERYONE },
  {
    name: 'POST /work-logs/:own/comments',
    call: (c) => ({ method: 'POST', path: `/api/v1/work-logs/${c.workLogId}/comments`, body: { body: 'Matrix comment' } }),
    expect: EVERYONE,
  },
  { name: 'GET /timer', call: () => ({ method: 'GET', path: '/api/v1/timer' }), expect: STAFF },
  { name: 'POST /timer/start', call: (c) => ({ method: 'POST', path: '/api/v1/timer/start', body: { engagementId: c.engagementId } }), expect: STAFF },
  { name: 'POST /timer/stop', call: () => ({ method: 'POST', path: '/api/v1/timer/stop', body: {} }), expect: STAFF },
  { name: 'GET /timesheet-weeks', call: () => ({ method: 'GET', path: '/api/v1/timesheet-weeks' }), expect: EVERYONE },
  { name: 'GET /timesheet-weeks/:own', call: (c) => ({ method: 'GET', path: `/api/v1/timesheet-weeks/${c.weekId}` }), expect: EVERYONE },
  {
    name: 'POST /timesheet-weeks',
    call: async (c, role) => {
      const monday = nextMonday();
      if (role !== 'client_admin' && role !== 'client_member') await logDraft(c, role, monday);
      return { method: 'POST', path: '/api/v1/timesheet-weeks', body: { engagementId: c.engagementId, weekStart: monday } };
    },
    expect: STAFF,
  },
  {
    name: 'POST /timesheet-weeks/:own/approve',
    call: async (c) => ({ method: 'POST', path: `/api/v1/timesheet-weeks/${(await submittedEntry(c)).weekId}/approve`, body: {} }),
    expect: CLIENT_ADMIN_ONLY,
  },
  {
    name: 'POST /timesheet-weeks/:own/dispute',
    call: async (c) => {
      const { workLogId, weekId } = await submittedEntry(c);
      return { method: 'POST', path: `/api/v1/timesheet-weeks/${weekId}/dispute`, body: { entries: [{ workLogId, comment: 'Why so long?' }] } };
    },
    expect: CLIENT_ADMIN_ONLY,
  },
  {
    name: 'GET /engagements/:own/timesheet',
    call: (c) => ({ method: 'GET', path: `/api/v1/engagements/${c.engagementId}/timesheet?period=month&start=2026-01-01` }),
    expect: EVERYONE,
  },
  {
    name: 'GET /engagements/:own/timesheet/csv',
    call: (c) => ({ method: 'GET', path: `/api/v1/engagements/${c.engagementId}/timesheet/csv?period=month&start=2026-01-01` }),
    expect: EVERYONE,
  },
  {
    name: 'GET /engagements/:own/timesheet/report',
    call: (c) => ({ method: 'GET', path: `/api/v1/engagements/${c.engagementId}/timesheet/report?period=month&start=2026-01-01` }),
    expect: EVERYONE,
  },
  {
    name: 'POST /engagements/:own/share-links',
    call: (c) => ({ method: 'POST', path: `/api/v1/engagements/${c.engagementId}/share-links`, body: { period: 'month', start: '2026-01-01' } }),
    expect: SHARERS,
  },
  { name: 'GET /engagements/:own/share-links', call: (c) => ({ method: 'GET', path: `/api/v1/engagements/${c.engagementId}/share-links` }), expect: SHARERS },
  { name: 'POST /share-links/:own/revoke', call: (c) => ({ method: 'POST', path: `/api/v1/share-links/${c.shareLinkId}/revoke`, body: {} }), expect: SHARERS },
  { name: 'GET /disclosures', call: () => ({ method: 'GET', path: '/api/v1/disclosures' }), expect: EVERYONE },
  {
    name: 'POST /disclosures',
    call: (c) => ({
      method: 'POST',
      path: '/api/v1/disclosures',
      body: { engagementId: c.engagementId, category: 'other', severity: 'low', occurredAt: '2026-01-05T09:00:00Z', discoveredAt: '2026-01-05T10:00:00Z', whatHappened: 'A slip.' },
    }),
    expect: STAFF,
  },
  { name: 'GET /disclosures/:own', call: (c) => ({ method: 'GET', path: `/api/v1/disclosures/${c.disclosureId}` }), expect: EVERYONE },
  {
    name: 'PATCH /disclosures/:own',
    call: (c) => ({ method: 'PATCH', path: `/api/v1/disclosures/${c.disclosureId}`, body: { lessonsLearned: 'Send reports the day before.' } }),
    expect: STAFF,
  },
  {
    name: 'POST /disclosures/:own/comments',
    call: (c) => ({ method: 'POST', path: `/api/v1/disclosures/${c.disclosureId}/comments`, body: { body: 'Noted.' } }),
    expect: EVERYONE,
  },
  {
    name: 'POST /disclosures/:own/offers',
    call: (c) => ({ method: 'POST', path: `/api/v1/disclosures/${c.disclosureId}/offers`, body: { kind: 'free_revision' } }),
    expect: STAFF,
  },
  {
    name: 'POST /disclosures/:own/submit-for-review',
    call: async (c) => ({ method: 'POST', path: `/api/v1/disclosures/${await disclosureAt(c, 'draft')}/submit-for-review`, body: {} }),
    expect: STAFF,
  },
  {
    name: 'POST /disclosures/:own/return-to-draft',
    call: async (c) => ({ method: 'POST', path: `/api/v1/disclosures/${await disclosureAt(c, 'in_review')}/return-to-draft`, body: { note: 'Add the impact.' } }),
    expect: MANAGERS,
  },
  {
    name: 'POST /disclosures/:own/disclose',
    call: async (c) => ({ method: 'POST', path: `/api/v1/disclosures/${await disclosureAt(c, 'draft')}/disclose`, body: {} }),
    expect: STAFF,
  },
  {
    name: 'POST /disclosures/:own/acknowledge',
    call: async (c) => ({ method: 'POST', path: `/api/v1/disclosures/${await disclosureAt(c, 'disclosed')}/acknowledge`, body: {} }),
    expect: CLIENTS,
  },
  {
    name: 'POST /disclosures/:own/propose-remedy',
    call: async (c) => ({
      method: 'POST',
      path: `/api/v1/disclosures/${await disclosureAt(c, 'disclosed')}/propose-remedy`,
      body: { remedyPlan: 'We resend it today.', remedyDueAt: new Date(Date.now() + 86_400_000).toISOString() },
    }),
    expect: STAFF,
  },
  {
    name: 'POST /disclosures/:own/accept-remedy',
    call: async (c) => ({ method: 'POST', path: `/api/v1/disclosures/${await disclosureAt(c, 'remedy_proposed')}/accept-remedy`, body: {} }),
    expect: CLIENT_ADMIN_ONLY,
  },
  {
    name: 'POST /disclosures/:own/request-remedy-changes',
    call: async (c) => ({
      method: 'POST',
      path: `/api/v1/disclosures/${await disclosureAt(c, 'remedy_proposed')}/request-remedy-changes`,
      body: { comment: 'Sooner, please.' },
    }),
    expect: CLIENT_ADMIN_ONLY,
  },
  {
    name: 'POST /disclosures/:own/start-remediation',
    call: async (c) => ({ method: 'POST', path: `/api/v1/disclosures/${await disclosureAt(c, 'remedy_accepted')}/start-remediation`, body: {} }),
    expect: STAFF,
  },
  {
    name: 'POST /disclosures/:own/resolve',
    call: async (c) => ({
      method: 'POST',
      path: `/api/v1/disclosures/${await disclosureAt(c, 'in_remediation')}/resolve`,
      body: { resolutionSummary: 'Done.' },
    }),
    expect: STAFF,
  },
  {
    name: 'POST /disclosures/:own/close',
    call: async (c) => {
      const id = await disclosureAt(c, 'resolved');
      const found = await c.api.get(`/api/v1/disclosures/${id}`, c.tokens.owner);
      for (const f of found.body.followUps) await c.api.post(`/api/v1/follow-ups/${f.id}/skip`, { reason: 'Small slip' }, c.tokens.owner);
      return { method: 'POST', path: `/api/v1/disclosures/${id}/close`, body: {} };
    },
    expect: STAFF,
  },
  {
    name: 'POST /disclosures/:own/check-in',
    call: async (c) => ({
      method: 'POST',
      path: `/api/v1/disclosures/${await disclosureAt(c, 'resolved')}/check-in`,
      body: { resolved: true, rating: 4 },
    }),
    expect: CLIENTS,
  },
  {
    name: 'POST /compensation-offers/:own/accept',
    call: async (c) => ({ method: 'POST', path: `/api/v1/compensation-offers/${await offerOn(c)}/accept`, body: {} }),
    expect: CLIENT_ADMIN_ONLY,
  },
  {
    name: 'POST /compensation-offers/:own/decline',
    call: async (c) => ({ method: 'POST', path: `/api/v1/compensation-offers/${await offerOn(c)}/decline`, body: { reason: 'Not needed' } }),
    expect: CLIENT_ADMIN_ONLY,
  },
  {
    name: 'POST /compensation-offers/:own/withdraw',
    call: async (c) => ({ method: 'POST', path: `/api/v1/compensation-offers/${await offerOn(c)}/withdraw`, body: {} }),
    expect: STAFF,
  },
  {
    name: 'POST /compensation-offers/:own/apply',
    call: async (c) => ({ method: 'POST', path: `/api/v1/compensation-offers/${await offerOn(c, true)}/apply`, body: {} }),
    expect: STAFF,
  },
  {
    name: 'POST /follow-ups/:own/complete',
    call: async (c) => ({ method: 'POST', path: `/api/v1/follow-ups/${await retrospectiveOf(c)}/complete`, body: { outcome: 'Talked it through.' } }),
    expect: STAFF,
  },
  {
    name: 'POST /follow-ups/:own/skip',
    call: async (c) => ({ method: 'POST', path: `/api/v1/follow-ups/${await retrospectiveOf(c)}/skip`, body: { reason: 'Too small.' } }),
    expect: STAFF,
  },
  {
    name: 'GET /engagements/:engagementId/remedy-policies',
    call: (c) => ({ method: 'GET', path: `/api/v1/engagements/${c.engagementId}/remedy-policies` }),
    expect: EVERYONE,
  },
  {
    name: 'PUT /engagements/:engagementId/remedy-policies/:category',
    call: (c) => ({ method: 'PUT', path: `/api/v1/engagements/${c.engagementId}/remedy-policies/double_booking`, body: POLICY_BODY }),
    expect: MANAGERS,
  },
  {
    name: 'DELETE /engagements/:engagementId/remedy-policies/:category',
    call: async (c) => {
      await c.api.put(`/api/v1/engagements/${c.engagementId}/remedy-policies/data_handling`, POLICY_BODY, c.tokens.owner);
      return { method: 'DELETE', path: `/api/v1/engagements/${c.engagementId}/remedy-policies/data_handling` };
    },
    expect: MANAGERS,
  },
  {
    name: 'GET /client-accounts/:own/service-record',
    call: (c) => ({ method: 'GET', path: `/api/v1/client-accounts/${c.clientId}/service-record` }),
    expect: EVERYONE,
  },
  { name: 'GET /client-accounts/:own/credits', call: (c) => ({ method: 'GET', path: `/api/v1/client-accounts/${c.clientId}/credits` }), expect: EVERYONE },
  { name: 'GET /disclosure-analytics', call: () => ({ method: 'GET', path: '/api/v1/disclosure-analytics' }), expect: MANAGERS },
  { name: 'GET /lessons', call: () => ({ method: 'GET', path: '/api/v1/lessons' }), expect: MANAGERS },
  { name: 'GET /follow-ups', call: () => ({ method: 'GET', path: '/api/v1/follow-ups?status=pending' }), expect: EVERYONE },
  { name: 'GET /members', call: () => ({ method: 'GET', path: '/api/v1/members' }), expect: EVERYONE },
  {
    name: 'PATCH /members/:userId',
    call: async (c) => ({ method: 'PATCH', path: `/api/v1/members/${await userIdOf(c, 'assistant')}`, body: { role: 'assistant' } }),
    expect: OWNER_ONLY,
  },
  {
    name: 'DELETE /members/:userId',
    // The owner removes a fresh member; the others are refused on the assistant everyone uses.
    call: async (c, role) => ({
      method: 'DELETE',
      path: `/api/v1/members/${role === 'owner' ? (await addMember(c.api, c.tokens.owner, 'assistant')).userId : await userIdOf(c, 'assistant')}`,
    }),
    expect: OWNER_ONLY,
  },
  { name: 'GET /me/sessions', call: () => ({ method: 'GET', path: '/api/v1/me/sessions' }), expect: EVERYONE },
  {
    name: 'DELETE /me/sessions/:own',
    // Each role signs in once more and ends that second session, never the one the matrix uses.
    call: async (c, role) => ({ method: 'DELETE', path: `/api/v1/me/sessions/${await secondSession(c, role)}` }),
    expect: EVERYONE,
  },
  { name: 'GET /audit-events', call: () => ({ method: 'GET', path: '/api/v1/audit-events?limit=5' }), expect: MANAGERS },
  { name: 'GET /deliverables', call: () => ({ method: 'GET', path: '/api/v1/deliverables' }), expect: EVERYONE },
  {
    name: 'POST /deliverables',
    call: (c) => ({ method: 'POST', path: '/api/v1/deliverables', body: { engagementId: c.engagementId, title: 'Matrix report' } }),
    expect: STAFF,
  },
  { name: 'GET /deliverables/:own', call: (c) => ({ method: 'GET', path: `/api/v1/deliverables/${c.deliverableId}` }), expect: EVERYONE },
  {
    name: 'PATCH /deliverables/:own',
    call: (c) => ({ method: 'PATCH', path: `/api/v1/deliverables/${c.deliverableId}`, body: { description: 'Monthly.' } }),
    expect: STAFF,
  },
  {
    name: 'POST /deliverables/:own/versions',
    call: async (c) => {
      const created = await c.api.post('/api/v1/deliverables', { engagementId: c.engagementId, title: 'Matrix upload' }, c.tokens.owner);
      return { method: 'POST', path: `/api/v1/deliverables/${created.body.id}/versions`, upload: { fields: { changeSummary: 'Draft.' }, files: [SAMPLE.pdf()] } };
    },
    expect: STAFF,
  },
  {
    name: 'GET /deliverables/:own/files/:fileId',
    call: (c) => ({ method: 'GET', path: `/api/v1/deliverables/${c.deliverableId}/files/${c.fileId}` }),
    expect: EVERYONE,
  },
  {
    name: 'POST /deliverables/:own/approve',
    call: async (c) => ({ method: 'POST', path: `/api/v1/deliverables/${(await deliverableAt(c)).id}/approve`, body: {} }),
    expect: CLIENT_ADMIN_ONLY,
  },
  {
    name: 'POST /deliverables/:own/request-changes',
    call: async (c) => ({ method: 'POST', path: `/api/v1/deliverables/${(await deliverableAt(c)).id}/request-changes`, body: { comment: 'Shorter.' } }),
    expect: CLIENTS,
  },
  {
    name: 'POST /revision-requests/:own/accept',
    call: async (c) => ({ method: 'POST', path: `/api/v1/revision-requests/${await billableRequest(c)}/accept`, body: {} }),
    expect: STAFF,
  },
  {
    name: 'POST /revision-requests/:own/decline',
    call: async (c) => ({ method: 'POST', path: `/api/v1/revision-requests/${await billableRequest(c)}/decline`, body: { reason: 'Out of scope.' } }),
    expect: STAFF,
  },
  { name: 'POST /me/password', call: () => ({ method: 'POST', path: '/api/v1/me/password', body: { currentPassword: PASSWORD, newPassword: PASSWORD } }), expect: EVERYONE },
  { name: 'POST /me/email', call: () => ({ method: 'POST', path: '/api/v1/me/email', body: { newEmail: uniqueEmail('moving'), currentPassword: PASSWORD } }), expect: EVERYONE },
  { name: 'GET /me/two-factor', call: () => ({ method: 'GET', path: '/api/v1/me/two-factor' }), expect: EVERYONE },
  { name: 'POST /me/two-factor/setup', call: () => ({ method: 'POST', path: '/api/v1/me/two-factor/setup', body: {} }), expect: EVERYONE },
  // Last: with two-factor on, a password sign-in asks for a code (the session rows above sign in again).
  {
    name: 'POST /me/two-factor/enable',
    call: async (c, role) => {
      const setup = await c.api.post('/api/v1/me/two-factor/setup', {}, c.tokens[role]);
      return { method: 'POST', path: '/api/v1/me/two-factor/enable', body: { code: await generate({ secret: setup.body.secret }) } };
    },
    expect: EVERYONE,
  },
  { name: 'POST /me/two-factor/disable', call: () => ({ method: 'POST', path: '/api/v1/me/two-factor/disable', body: { currentPassword: PASSWORD } }), expect: EVERYONE },
];

describe('role matrix', () => {
  let stack: Stack;
  const tokens = {} as Record<Role, string>;
  const ctx = { tokens } as Ctx;

  beforeAll(async () => {
    stack = await startStack();
    const tenant = await signUpTenant(stack.api);
    tokens.owner = tenant.owner.token;
    ctx.clientId = await createClientAccount(stack.api, tenant.owner.token);
    tokens.manager = (await addMember(stack.api, tokens.owner, 'manager')).token;
    tokens.assistant = (await addMember(stack.api, tokens.owner, 'assistant')).token;
    tokens.client_admin = (await addMember(stack.api, tokens.owner, 'client_admin', ctx.clientId)).token;
    tokens.client_member = (await addMember(stack.api, tokens.owner, 'client_member', ctx.clientId)).token;
    ctx.api = stack.api;
    const assistantId = (await stack.api.get('/api/v1/me', tokens.assistant)).body.user.id;
    ctx.engagementId = (
      await createEngagement(stack.api, tokens.owner, ctx.clientId, { assistantIds: [assistantId], confidentialityTerms: 'Keep it secret.' })
    ).id;
    ({ workLogId: ctx.workLogId, weekId: ctx.weekId } = await submittedEntry(ctx));
    const locked = await submittedEntry(ctx);
    await stack.api.post(`/api/v1/timesheet-weeks/${locked.weekId}/approve`, {}, tokens.client_admin);
    ctx.lockedLogId = locked.workLogId;
    const link = await stack.api.post(`/api/v1/engagements/${ctx.engagementId}/share-links`, { period: 'month', start: '2026-01-01' }, tokens.owner);
    ctx.shareLinkId = link.body.id;
    ctx.disclosureId = await disclosureAt(ctx, 'disclosed');
    ({ id: ctx.deliverableId, fileId: ctx.fileId } = await deliverableAt(ctx));
    ctx.billableEngagementId = (
      await createEngagement(stack.api, tokens.owner, ctx.clientId, { assistantIds: [assistantId], includedRevisionRounds: 0 })
    ).id;
  });
  afterAll(() => stack.close());

  for (const row of MATRIX) {
    for (const role of Object.keys(row.expect) as Role[]) {
      it(`${row.name} as ${role}: ${row.expect[role]}`, async () => {
        const { method, path, body, upload } = await row.call(ctx, role);
        const response = upload
          ? await uploadVersion(stack.api.baseUrl, path.split('/')[4]!, tokens[role], upload.fields, upload.files)
          : await stack.api.request(method, path, { token: tokens[role], body });
        if (row.expect[role] === ALLOW) {
          expect({ allowed: [200, 201, 202, 204].includes(response.status), status: response.status, body: response.status < 300 ? 'ok' : response.body }).toEqual({
            allowed: true,
            status: response.status,
            body: 'ok',
          });
        } else {
          expect([403, 404]).toContain(response.status);
          expect(typeof response.body.message).toBe('string');
        }
      });
    }
  }

  it('has a rule or a public mark on every route, and the matrix covers every authenticated route', () => {
    const container = stack.app.get(ModulesContainer);
    const authenticated: string[] = [];
    for (const module of container.values()) {
      for (const wrapper of module.controllers.values()) {
        const controller = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
        if (!controller?.prototype) continue;
        for (const name of Object.getOwnPropertyNames(controller.prototype)) {
          const handler = controller.prototype[name];
          if (name === 'constructor' || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
          const isPublic = Reflect.getMetadata(PUBLIC_ROUTE, handler) ?? Reflect.getMetadata(PUBLIC_ROUTE, controller);
          const rule = Reflect.getMetadata(POLICY, handler) ?? Reflect.getMetadata(POLICY, controller);
          expect({ route: `${controller.name}.${name}`, guarded: Boolean(isPublic || rule) }).toEqual({
            route: `${controller.name}.${name}`,
            guarded: true,
          });
          if (!isPublic) {
            const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
            const sub = String(Reflect.getMetadata(PATH_METADATA, handler)).replace(/^\/$/, '');
            const base = String(Reflect.getMetadata(PATH_METADATA, controller)).replace(/^\/$/, '');
            authenticated.push(`${method} /${[base, sub].filter(Boolean).join('/').replace(':id', ':own')}`);
          }
        }
      }
    }
    const covered = new Set(MATRIX.map((row) => row.name.replace(/ \(.*\)$/, '')));
    expect(authenticated.filter((route) => !covered.has(route))).toEqual([]);
  });
});
