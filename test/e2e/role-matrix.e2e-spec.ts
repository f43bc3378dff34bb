import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { Role } from '@candor/domain';
import { POLICY, PUBLIC_ROUTE } from '../../apps/api/src/common/access.decorators';
import type { Api } from '../support/api-client';
import { addMember, createClientAccount, createEngagement, signUpTenant, uniqueEmail } from '../support/factories';
import { startStack, type Stack } from '../support/stack';

type Request = { method: string; path: string; body?: unknown };
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
}

const ALLOW = 'allow';
const DENY = 'deny';
const STAFF = { owner: ALLOW, manager: ALLOW, assistant: ALLOW, client_admin: DENY, client_member: DENY } as const;
const EVERYONE = { owner: ALLOW, manager: ALLOW, assistant: ALLOW, client_admin: ALLOW, client_member: ALLOW } as const;
const MANAGERS = { owner: ALLOW, manager: ALLOW, assistant: DENY, client_admin: DENY, client_member: DENY } as const;
const CLIENT_ADMIN_ONLY = { owner: DENY, manager: DENY, assistant: DENY, client_admin: ALLOW, client_member: DENY } as const;
const SHARERS = { owner: ALLOW, manager: ALLOW, assistant: DENY, client_admin: ALLOW, client_member: DENY } as const;

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
  });
  afterAll(() => stack.close());

  for (const row of MATRIX) {
    for (const role of Object.keys(row.expect) as Role[]) {
      it(`${row.name} as ${role}: ${row.expect[role]}`, async () => {
        const { method, path, body } = await row.call(ctx, role);
        const response = await stack.api.request(method, path, { token: tokens[role], body });
        if (row.expect[role] === ALLOW) {
          expect({ allowed: [200, 201, 204].includes(response.status), status: response.status, body: response.status < 300 ? 'ok' : response.body }).toEqual({
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
            authenticated.push(`${method} /${[base, sub.replace(':id', ':own')].filter(Boolean).join('/')}`);
          }
        }
      }
    }
    const covered = new Set(MATRIX.map((row) => row.name.replace(/ \(.*\)$/, '')));
    expect(authenticated.filter((route) => !covered.has(route))).toEqual([]);
  });
});
