import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { Role } from '@candor/domain';
import { POLICY, PUBLIC_ROUTE } from '../../apps/api/src/common/access.decorators';
import { addMember, createClientAccount, signUpTenant, uniqueEmail } from '../support/factories';
import { startStack, type Stack } from '../support/stack';

type Call = (ctx: Ctx) => { method: string; path: string; body?: unknown };
interface Ctx {
  clientId: string;
}

const ALLOW = 'allow';
const DENY = 'deny';

/** Every authenticated route so far, and what each role gets. Deny is 403, or 404 where the object is hidden. */
const MATRIX: { name: string; call: Call; expect: Record<Role, typeof ALLOW | typeof DENY> }[] = [
  {
    name: 'GET /me',
    call: () => ({ method: 'GET', path: '/api/v1/me' }),
    expect: { owner: ALLOW, manager: ALLOW, assistant: ALLOW, client_admin: ALLOW, client_member: ALLOW },
  },
  {
    name: 'GET /client-accounts',
    call: () => ({ method: 'GET', path: '/api/v1/client-accounts' }),
    expect: { owner: ALLOW, manager: ALLOW, assistant: ALLOW, client_admin: ALLOW, client_member: ALLOW },
  },
  {
    name: 'GET /client-accounts/:own',
    call: ({ clientId }) => ({ method: 'GET', path: `/api/v1/client-accounts/${clientId}` }),
    expect: { owner: ALLOW, manager: ALLOW, assistant: ALLOW, client_admin: ALLOW, client_member: ALLOW },
  },
  {
    name: 'POST /client-accounts',
    call: () => ({ method: 'POST', path: '/api/v1/client-accounts', body: { name: `Matrix ${Math.random()}` } }),
    expect: { owner: ALLOW, manager: ALLOW, assistant: DENY, client_admin: DENY, client_member: DENY },
  },
  {
    name: 'PATCH /client-accounts/:own',
    call: ({ clientId }) => ({ method: 'PATCH', path: `/api/v1/client-accounts/${clientId}`, body: { billingEmail: 'billing@acme.test' } }),
    expect: { owner: ALLOW, manager: ALLOW, assistant: DENY, client_admin: DENY, client_member: DENY },
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
    expect: { owner: ALLOW, manager: ALLOW, assistant: DENY, client_admin: DENY, client_member: DENY },
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
];

describe('role matrix', () => {
  let stack: Stack;
  const tokens = {} as Record<Role, string>;
  const ctx = {} as Ctx;

  beforeAll(async () => {
    stack = await startStack();
    const tenant = await signUpTenant(stack.api);
    tokens.owner = tenant.owner.token;
    ctx.clientId = await createClientAccount(stack.api, tenant.owner.token);
    tokens.manager = (await addMember(stack.api, tokens.owner, 'manager')).token;
    tokens.assistant = (await addMember(stack.api, tokens.owner, 'assistant')).token;
    tokens.client_admin = (await addMember(stack.api, tokens.owner, 'client_admin', ctx.clientId)).token;
    tokens.client_member = (await addMember(stack.api, tokens.owner, 'client_member', ctx.clientId)).token;
  });
  afterAll(() => stack.close());

  for (const row of MATRIX) {
    for (const role of Object.keys(row.expect) as Role[]) {
      it(`${row.name} as ${role}: ${row.expect[role]}`, async () => {
        const { method, path, body } = row.call(ctx);
        const response = await stack.api.request(method, path, { token: tokens[role], body });
        if (row.expect[role] === ALLOW) {
          expect([200, 201]).toContain(response.status);
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
            const base = String(Reflect.getMetadata(PATH_METADATA, controller));
            authenticated.push(`${method} /${base}${sub ? `/${sub.replace(':id', ':own')}` : ''}`);
          }
        }
      }
    }
    const covered = new Set(MATRIX.map((row) => row.name.replace(/ \(.*\)$/, '')));
    expect(authenticated.filter((route) => !covered.has(route))).toEqual([]);
  });
});
