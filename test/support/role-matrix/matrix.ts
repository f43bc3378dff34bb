import type { Role } from '@candor/domain';
import { type Api, SAMPLE, uploadVersion, type FilePart } from '@candor/testing';
import { PASSWORD } from '../factories';

export type Request = { method: string; path: string; body?: unknown; upload?: { fields: Record<string, string>; files: FilePart[] } };
/** Builds the request for one role; may arrange fresh rows first, so each role meets the same situation. */
export type Call = (ctx: Ctx, role: Role) => Request | Promise<Request>;

/**
 * Where the objects of a call live, against the matrix's assistant and client users:
 * - `assigned`: an engagement of the client users' account that the assistant is assigned to;
 * - `unassigned`: an engagement of the same account that the assistant is not assigned to;
 * - `other_client`: an engagement of another client account (the assistant not assigned either).
 */
export type Target = 'assigned' | 'unassigned' | 'other_client';
export const TARGETS: Target[] = ['assigned', 'unassigned', 'other_client'];

/** The objects of one target, and who works and decides there. */
export interface Objects {
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
export interface Ctx extends Objects {
  api: Api;
  tenantId: string;
  tokens: Record<Role, string>;
}

export const ALLOW = 'allow';
export const DENY = 'deny';
export const STAFF = { owner: ALLOW, manager: ALLOW, assistant: ALLOW, client_admin: DENY, client_member: DENY } as const;
export const EVERYONE = { owner: ALLOW, manager: ALLOW, assistant: ALLOW, client_admin: ALLOW, client_member: ALLOW } as const;
export const MANAGERS = { owner: ALLOW, manager: ALLOW, assistant: DENY, client_admin: DENY, client_member: DENY } as const;
export const CLIENT_ADMIN_ONLY = { owner: DENY, manager: DENY, assistant: DENY, client_admin: ALLOW, client_member: DENY } as const;
export const CLIENTS = { owner: DENY, manager: DENY, assistant: DENY, client_admin: ALLOW, client_member: ALLOW } as const;
export const OWNER_ONLY = { owner: ALLOW, manager: DENY, assistant: DENY, client_admin: DENY, client_member: DENY } as const;
export const SHARERS = { owner: ALLOW, manager: ALLOW, assistant: DENY, client_admin: ALLOW, client_member: DENY } as const;

export async function userIdOf(ctx: Ctx, role: Role): Promise<string> {
  return (await ctx.api.get('/api/v1/me', ctx.tokens[role])).body.user.id;
}

/** Signs `role` in again and returns that new session's id. */
export async function secondSession(ctx: Ctx, role: Role): Promise<string> {
  const email = (await ctx.api.get('/api/v1/me', ctx.tokens[role])).body.user.email;
  const login = await ctx.api.post('/api/v1/auth/login', { email, password: PASSWORD });
  if (login.status !== 200) throw new Error(`arrange: ${login.status} ${JSON.stringify(login.body)}`);
  const sessions = (await ctx.api.get('/api/v1/me/sessions', login.body.accessToken)).body as { id: string; current: boolean }[];
  return sessions.find((s) => s.current)!.id;
}

/** Each arranged week gets its own Monday, so no two arrangements meet. */
let weekCounter = 0;
export const nextMonday = () => new Date(Date.UTC(2024, 0, 1 + 7 * weekCounter++)).toISOString().slice(0, 10);

export async function logDraft(ctx: Ctx, role: Role, day: string): Promise<string> {
  const response = await ctx.api.post(
    '/api/v1/work-logs',
    { engagementId: ctx.engagementId, startedAt: `${day}T08:00:00Z`, endedAt: `${day}T09:00:00Z`, notes: 'Matrix work' },
    role === 'assistant' ? ctx.worker : ctx.tokens[role],
  );
  if (response.status !== 201) throw new Error(`arrange: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id;
}

/** An entry of the assistant in a submitted week; disputed by the client_admin when asked. */
export async function submittedEntry(ctx: Ctx, dispute = false): Promise<{ workLogId: string; weekId: string }> {
  const monday = nextMonday();
  const workLogId = await logDraft(ctx, 'assistant', monday);
  const week = await ctx.api.post('/api/v1/timesheet-weeks', { engagementId: ctx.engagementId, weekStart: monday }, ctx.worker);
  if (dispute) {
    await ctx.api.post(
      `/api/v1/timesheet-weeks/${week.body.id}/dispute`,
      { entries: [{ workLogId, comment: 'Please check' }] },
      ctx.approver,
    );
  }
  return { workLogId, weekId: week.body.id };
}

const DISCLOSURE_PATH = ['draft', 'in_review', 'disclosed', 'remedy_proposed', 'remedy_accepted', 'in_remediation', 'resolved'] as const;

/** A fresh disclosure of the engagement, walked by the owner and the client_admin up to `status`. */
export async function disclosureAt(c: Ctx, status: (typeof DISCLOSURE_PATH)[number]): Promise<string> {
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
    remedy_proposed: [
      'propose-remedy',
      'owner',
      { remedyPlan: 'We send it early next time.', remedyDueAt: new Date(Date.now() + 86_400_000).toISOString() },
    ],
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
export async function offerOn(c: Ctx, accepted = false): Promise<string> {
  const id = await disclosureAt(c, 'disclosed');
  const offered = await c.api.post(`/api/v1/disclosures/${id}/offers`, { kind: 'free_hours', value: '1.5' }, c.tokens.owner);
  const offerId = offered.body.offers[0].id as string;
  if (accepted) await c.api.post(`/api/v1/compensation-offers/${offerId}/accept`, {}, c.approver);
  return offerId;
}

/** The team retrospective of a fresh resolved disclosure. */
export async function retrospectiveOf(c: Ctx): Promise<string> {
  const id = await disclosureAt(c, 'resolved');
  const found = await c.api.get(`/api/v1/disclosures/${id}`, c.tokens.owner);
  return found.body.followUps.find((f: { kind: string }) => f.kind === 'team_retrospective').id;
}

/** A fresh deliverable with version 1 delivered by the owner, waiting for the client's review. */
export async function deliverableAt(c: Ctx, engagementId = c.engagementId): Promise<{ id: string; fileId: string }> {
  const created = await c.api.post('/api/v1/deliverables', { engagementId, title: 'Matrix newsletter' }, c.tokens.owner);
  if (created.status !== 201) throw new Error(`arrange: ${created.status} ${JSON.stringify(created.body)}`);
  const v1 = await uploadVersion(c.api.baseUrl, created.body.id, c.tokens.owner, { changeSummary: 'First draft.' }, [SAMPLE.pdf()]);
  if (v1.status !== 201) throw new Error(`arrange upload: ${v1.status} ${JSON.stringify(v1.body)}`);
  return { id: created.body.id, fileId: v1.body.versions[0].files[0].id };
}

/** A billable revision request waiting for the team. */
export async function billableRequest(c: Ctx): Promise<string> {
  const { id } = await deliverableAt(c, c.billableEngagementId);
  const asked = await c.api.post(`/api/v1/deliverables/${id}/request-changes`, { comment: 'One more round.' }, c.approver);
  if (asked.status !== 200) throw new Error(`arrange request: ${asked.status} ${JSON.stringify(asked.body)}`);
  return asked.body.revisionRequests[0].id;
}

export const POLICY_BODY = { remedyPlan: 'We fix it within a day at no charge.', remedyDueHours: 24 };

/** One route of the matrix: how to call it, and which roles it lets through. */
export interface Row {
  name: string;
  call: Call;
  expect: Record<Role, typeof ALLOW | typeof DENY>;
}
