import { RequestMethod } from '@nestjs/common';
import { generate } from 'otplib';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { Role } from '@candor/domain';
import { POLICY, PUBLIC_ROUTE } from '../../apps/api/src/common/access.decorators';
import type { Api } from '../support/api-client';
import { PASSWORD, addMember, createClientAccount, createEngagement, signUpTenant, uniqueEmail } from '../support/factories';
import { SAMPLE, uploadVersion, type FilePart } from '../support/multipart';
import { insertNotification } from '../support/notifications';
import { startStack, type Stack } from '../support/stack';

type Request = { method: string; path: string; body?: unknown; upload?: { fields: Record<string, string>; files: FilePart[] } };
/** Builds the request for one role; may arrange fresh rows first, so each role meets the same situation. */
type Call = (ctx: Ctx, role: Role) => Request | Promise<Request>;

/**
 * Where the objects of a call live, against the matrix's assistant and client users:
 * - `assigned`: an engagement of the client users' account that the assistant is assigned to;
 * - `unassigned`: an engagement of the same account that the assistant is not assigned to;
 * - `other_client`: an engagement of another client account (the assistant not assigned either).
 */
type Target = 'assigned' | 'unassigned' | 'other_client';
const TARGETS: Target[] = ['assigned', 'unassigned', 'other_client'];

/** The objects of one target, and who works and decides there. */
interface Objects {
  target: Target;
  clientId: string;
  engagementId: string;
  /** A submitted entry of the worker, in a submitted week. */
  workLogId: string;
  /** A draft entry of the worker: never a client's to see. */
  draftLogId: string;
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
  /** The assistant who logs time there, and the client_admin who approves there (the arrangements act as them). */
  worker: string;
  approver: string;
}
interface Ctx extends Objects {
  api: Api;
  tenantId: string;
  tokens: Record<Role, string>;
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
    role === 'assistant' ? ctx.worker : ctx.tokens[role],
  );
  if (response.status !== 201) throw new Error(`arrange: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id;
}

/** An entry of the assistant in a submitted week; disputed by the client_admin when asked. */
async function submittedEntry(ctx: Ctx, dispute = false): Promise<{ workLogId: string; weekId: string }> {
  const monday = nextMonday();
  const workLogId = await logDraft(ctx, 'assistant', monday);
  const week = await ctx.api.post('/api/v1/timesheet-weeks', { engagementId: ctx.engagementId, weekStart: monday }, ctx.worker);
  if (dispute) {
    await ctx.api.post(`/api/v1/timesheet-weeks/${week.body.id}/dispute`, { entries: [{ workLogId, comment: 'Please check' }] }, ctx.approver);
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
    const moved = await c.api.post(`/api/v1/disclosures/${id}/${action}`, body, role === 'client_admin' ? c.approver : c.tokens[role]);
    if (moved.status !== 200) throw new Error(`arrange ${action}: ${moved.status} ${JSON.stringify(moved.body)}`);
  }
  return id;
}

/** An open offer on a fresh disclosed disclosure; accepted by the client_admin when asked. */
async function offerOn(c: Ctx, accepted = false): Promise<string> {
  const id = await disclosureAt(c, 'disclosed');
  const offered = await c.api.post(`/api/v1/disclosures/${id}/offers`, { kind: 'free_hours', value: '1.5' }, c.tokens.owner);
  const offerId = offered.body.offers[0].id as string;
  if (accepted) await c.api.post(`/api/v1/compensation-offers/${offerId}/accept`, {}, c.approver);
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
  const asked = await c.api.post(`/api/v1/deliverables/${id}/request-changes`, { comment: 'One more round.' }, c.approver);
  if (asked.status !== 200) throw new Error(`arrange request: ${asked.status} ${JSON.stringify(asked.body)}`);
  return asked.body.revisionRequests[0].id;
}

const POLICY_BODY = { remedyPlan: 'We fix it within a day at no charge.', remedyDueHours: 24 };

/** Every authenticated route, and what each role gets. Deny is 403, or 404 where the object is hidden. */
const MATRIX: { name: string; call: Call; expect: Record<Role, typeof ALLOW | typeof DENY> }[] = [
  { name: 'GET /me', call: () => ({ method: 'GET', path: '/api/v1/me' }), expect: EVERYONE },
  { name: 'PATCH /me', call: () => ({ method: 'PATCH', path: '/api/v1/me', body: { locale: 'en' } }), expect: EVERYONE },
  { name: 'GET /me/notification-preferences', call: () => ({ method: 'GET', path: '/api/v1/me/notification-preferences' }), expect: EVERYONE },
  {
    name: 'PUT /me/notification-preferences/:event',
    call: () => ({ method: 'PUT', path: '/api/v1/me/notification-preferences/disclosure_comment', body: { mode: 'immediate' } }),
    expect: EVERYONE,
  },
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
    call: (c) => {
      const day = nextMonday();
      return { method: 'POST', path: '/api/v1/work-logs', body: { engagementId: c.engagementId, startedAt: `${day}T10:00:00Z`, endedAt: `${day}T11:00:00Z`, notes: 'Matrix' } };
    },
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
      // An assistant cannot log time where they are not assigned: their submit then meets an engagement out of scope.
      if (role !== 'client_admin' && role !== 'client_member' && (role !== 'assistant' || c.target === 'assigned')) await logDraft(c, role, monday);
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
  { name: 'GET /delivery-failures', call: () => ({ method: 'GET', path: '/api/v1/delivery-failures?state=failed' }), expect: MANAGERS },
  { name: 'GET /delivery-failures/bounced', call: () => ({ method: 'GET', path: '/api/v1/delivery-failures/bounced' }), expect: MANAGERS },
  {
    name: 'POST /delivery-failures/:own/send-again',
    call: async (c) => ({ method: 'POST', path: `/api/v1/delivery-failures/${await insertNotification(c.tenantId)}/send-again`, body: {} }),
    expect: MANAGERS,
  },
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

/**
 * What a row's objects hang off: an engagement (the default), a client account, or nothing the scope
 * narrows (the caller's own profile, lists, tenant-wide or role-only routes).
 */
const UNSCOPED = new Set([
  'GET /me',
  'PATCH /me',
  'GET /tenant',
  'PATCH /tenant',
  'GET /client-accounts',
  'POST /client-accounts',
  'GET /invitations',
  'POST /invitations (manager)',
  'POST /invitations (assistant)',
  'GET /engagements',
  'GET /work-logs',
  'GET /timer',
  'POST /timer/stop',
  'GET /timesheet-weeks',
  'GET /disclosures',
  'GET /disclosure-analytics',
  'GET /lessons',
  'GET /follow-ups',
  'GET /members',
  'PATCH /members/:userId',
  'DELETE /members/:userId',
  'GET /me/sessions',
  'GET /me/notification-preferences',
  'PUT /me/notification-preferences/:event',
  'DELETE /me/sessions/:own',
  'POST /me/password',
  'POST /me/email',
  'GET /me/two-factor',
  'POST /me/two-factor/setup',
  'POST /me/two-factor/enable',
  'POST /me/two-factor/disable',
  'GET /audit-events',
  'GET /delivery-failures',
  'GET /delivery-failures/bounced',
  'POST /delivery-failures/:own/send-again',
  'GET /deliverables',
]);
const CLIENT_SCOPED = new Set([
  'GET /client-accounts/:own',
  'PATCH /client-accounts/:own',
  'POST /invitations (client_member of own account)',
  'POST /engagements',
  'GET /client-accounts/:own/service-record',
  'GET /client-accounts/:own/credits',
]);

/**
 * The scope rule (libs/domain scopeOf), restated for the test: owners and managers see the whole
 * tenant, an assistant the engagements assigned to them (and those engagements' client accounts),
 * client users their own account.
 */
function inScope(role: Role, target: Target, object: 'engagement' | 'client'): boolean {
  if (role === 'owner' || role === 'manager') return true;
  if (role === 'assistant') return target === 'assigned' || (object === 'client' && target === 'unassigned');
  return target !== 'other_client';
}

const NOT_FOUND = 'not found';
type Outcome = typeof ALLOW | typeof DENY | typeof NOT_FOUND;

/** Allowed by the role and in scope: allowed; allowed by the role but out of scope: exactly 404; refused by the role: 403 or 404. */
function expected(row: (typeof MATRIX)[number], role: Role, target: Target): Outcome {
  if (row.expect[role] === DENY) return DENY;
  if (UNSCOPED.has(row.name)) return ALLOW;
  return inScope(role, target, CLIENT_SCOPED.has(row.name) ? 'client' : 'engagement') ? ALLOW : NOT_FOUND;
}

describe('role matrix', () => {
  let stack: Stack;
  const tokens = {} as Record<Role, string>;
  const objects = {} as Record<Target, Objects>;
  let tenantId = '';
  const ctxFor = (target: Target): Ctx => ({ ...objects[target], api: stack.api, tokens, tenantId });

  /** A target's engagements with their rows: a submitted week, a locked one, a share link, a disclosure, a deliverable. */
  async function arrange(target: Target, clientId: string, worker: { token: string; userId: string }, approver: string): Promise<void> {
    const api = stack.api;
    const o = { target, clientId, worker: worker.token, approver } as Objects;
    o.engagementId = (
      await createEngagement(api, tokens.owner, clientId, { assistantIds: [worker.userId], confidentialityTerms: 'Keep it secret.' })
    ).id;
    const c = { ...o, api, tokens, tenantId };
    ({ workLogId: o.workLogId, weekId: o.weekId } = await submittedEntry(c));
    const locked = await submittedEntry(c);
    await api.post(`/api/v1/timesheet-weeks/${locked.weekId}/approve`, {}, approver);
    o.lockedLogId = locked.workLogId;
    const link = await api.post(`/api/v1/engagements/${o.engagementId}/share-links`, { period: 'month', start: '2026-01-01' }, tokens.owner);
    o.shareLinkId = link.body.id;
    o.disclosureId = await disclosureAt(c, 'disclosed');
    // An accepted offer on it: a credit-ledger entry of the target's client account.
    const offered = await api.post(`/api/v1/disclosures/${o.disclosureId}/offers`, { kind: 'free_hours', value: '1' }, tokens.owner);
    await api.post(`/api/v1/compensation-offers/${offered.body.offers[0].id}/accept`, {}, approver);
    o.draftLogId = await logDraft(c, 'assistant', nextMonday());
    ({ id: o.deliverableId, fileId: o.fileId } = await deliverableAt(c));
    o.billableEngagementId = (await createEngagement(api, tokens.owner, clientId, { assistantIds: [worker.userId], includedRevisionRounds: 0 })).id;
    objects[target] = o;
  }

  beforeAll(async () => {
    stack = await startStack();
    const api = stack.api;
    const tenant = await signUpTenant(api);
    tokens.owner = tenant.owner.token;
    tenantId = tenant.tenantId;
    const clientId = await createClientAccount(api, tenant.owner.token);
    const otherClientId = await createClientAccount(api, tenant.owner.token);
    tokens.manager = (await addMember(api, tokens.owner, 'manager')).token;
    const assistant = await addMember(api, tokens.owner, 'assistant');
    tokens.assistant = assistant.token;
    tokens.client_admin = (await addMember(api, tokens.owner, 'client_admin', clientId)).token;
    tokens.client_member = (await addMember(api, tokens.owner, 'client_member', clientId)).token;
    // Who works where the matrix's assistant does not, and who decides for the other client.
    const colleague = await addMember(api, tokens.owner, 'assistant');
    const otherAdmin = await addMember(api, tokens.owner, 'client_admin', otherClientId);
    await arrange('assigned', clientId, assistant, tokens.client_admin);
    await arrange('unassigned', clientId, colleague, tokens.client_admin);
    await arrange('other_client', otherClientId, colleague, otherAdmin.token);
    // Three targets' worth of rows on a shared, busy machine.
  }, 240_000);
  afterAll(() => stack.close());

  /** Each list, filtered to one target's engagement (or unfiltered), and the ids it must or must not hold; run first, while the lists are short. */
  const LISTS: { name: string; path: (o: Objects) => string; id: (o: Objects) => string; object: 'engagement' | 'client' }[] = [
    { name: 'GET /engagements', path: () => '/api/v1/engagements', id: (o) => o.engagementId, object: 'engagement' },
    { name: 'GET /client-accounts', path: () => '/api/v1/client-accounts', id: (o) => o.clientId, object: 'client' },
    { name: 'GET /work-logs', path: (o) => `/api/v1/work-logs?engagementId=${o.engagementId}`, id: (o) => o.workLogId, object: 'engagement' },
    { name: 'GET /work-logs (drafts)', path: (o) => `/api/v1/work-logs?status=draft&engagementId=${o.engagementId}`, id: (o) => o.draftLogId, object: 'engagement' },
    { name: 'GET /timesheet-weeks', path: (o) => `/api/v1/timesheet-weeks?engagementId=${o.engagementId}`, id: (o) => o.weekId, object: 'engagement' },
    { name: 'GET /disclosures', path: (o) => `/api/v1/disclosures?engagementId=${o.engagementId}`, id: (o) => o.disclosureId, object: 'engagement' },
    { name: 'GET /deliverables', path: (o) => `/api/v1/deliverables?engagementId=${o.engagementId}`, id: (o) => o.deliverableId, object: 'engagement' },
    { name: 'GET /client-accounts/:own/credits', path: () => `/api/v1/client-accounts/${objects.assigned.clientId}/credits`, id: (o) => o.disclosureId, object: 'engagement' },
    { name: 'GET /client-accounts/:own/service-record', path: () => `/api/v1/client-accounts/${objects.assigned.clientId}/service-record`, id: (o) => o.disclosureId, object: 'engagement' },
  ];
  for (const list of LISTS) {
    for (const role of ['owner', 'manager', 'assistant', 'client_admin', 'client_member'] as Role[]) {
      it(`${list.name} as ${role} lists exactly what is in scope`, async () => {
        const seen: Record<string, boolean> = {};
        const want: Record<string, boolean> = {};
        for (const target of TARGETS) {
          const response = await stack.api.get(list.path(objects[target]), tokens[role]);
          const text = response.status === 200 ? JSON.stringify(response.body) : '';
          seen[target] = text.includes(list.id(objects[target]));
          // Credits and the service record are of the matrix's own client account: the other client's never shows there.
          const onOwnAccount = list.name.startsWith('GET /client-accounts/:own/');
          want[target] = onOwnAccount && target === 'other_client' ? false : inScope(role, target, list.object);
          // A client user never sees a draft, whoever wrote it.
          if (list.name.endsWith('(drafts)') && (role === 'client_admin' || role === 'client_member')) want[target] = false;
        }
        expect(seen).toEqual(want);
      });
    }
  }

  for (const row of MATRIX) {
    const targets = UNSCOPED.has(row.name) ? (['assigned'] as Target[]) : TARGETS;
    for (const target of targets) {
      for (const role of Object.keys(row.expect) as Role[]) {
        const outcome = expected(row, role, target);
        const where = UNSCOPED.has(row.name) ? '' : ` [${target}]`;
        it(`${row.name}${where} as ${role}: ${outcome}`, async () => {
          const { method, path, body, upload } = await row.call(ctxFor(target), role);
          const response = upload
            ? await uploadVersion(stack.api.baseUrl, path.split('/')[4]!, tokens[role], upload.fields, upload.files)
            : await stack.api.request(method, path, { token: tokens[role], body });
          if (outcome === ALLOW) {
            expect({ allowed: [200, 201, 202, 204].includes(response.status), status: response.status, body: response.status < 300 ? 'ok' : response.body }).toEqual({
              allowed: true,
              status: response.status,
              body: 'ok',
            });
          } else if (outcome === NOT_FOUND) {
            // Out of scope: as if it did not exist, never a hint that it does.
            expect({ status: response.status, body: response.body }).toEqual({ status: 404, body: expect.objectContaining({ message: expect.any(String) }) });
          } else {
            expect([403, 404]).toContain(response.status);
            expect(typeof response.body.message).toBe('string');
          }
        });
      }
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
    // A misspelt name here would quietly take a row out of the scope checks.
    const names = new Set(MATRIX.map((row) => row.name));
    expect([...UNSCOPED, ...CLIENT_SCOPED].filter((name) => !names.has(name))).toEqual([]);
    expect(authenticated.filter((route) => !covered.has(route))).toEqual([]);
  });
});
