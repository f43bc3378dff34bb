import { generate } from 'otplib';
import { PASSWORD, addMember, uniqueEmail } from '../factories';
import { insertNotification } from '../notifications';
import { ALLOW, DENY, STAFF, EVERYONE, MANAGERS, OWNER_ONLY, userIdOf, secondSession, type Row } from './matrix';

/**
 * The caller's own account, the tenant, client accounts, invitations, the team, sessions, audit and
 * delivery failures; two-factor last (with it on, a password sign-in asks for a code).
 */
export const ACCOUNT_ROWS: Row[] = [
  { name: 'GET /me', call: () => ({ method: 'GET', path: '/api/v1/me' }), expect: EVERYONE },
  { name: 'PATCH /me', call: () => ({ method: 'PATCH', path: '/api/v1/me', body: { locale: 'en' } }), expect: EVERYONE },
  {
    name: 'GET /me/notification-preferences',
    call: () => ({ method: 'GET', path: '/api/v1/me/notification-preferences' }),
    expect: EVERYONE,
  },
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
  {
    name: 'GET /client-accounts/:own',
    call: ({ clientId }) => ({ method: 'GET', path: `/api/v1/client-accounts/${clientId}` }),
    expect: EVERYONE,
  },
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
  {
    name: 'POST /me/password',
    call: () => ({ method: 'POST', path: '/api/v1/me/password', body: { currentPassword: PASSWORD, newPassword: PASSWORD } }),
    expect: EVERYONE,
  },
  {
    name: 'POST /me/email',
    call: () => ({ method: 'POST', path: '/api/v1/me/email', body: { newEmail: uniqueEmail('moving'), currentPassword: PASSWORD } }),
    expect: EVERYONE,
  },
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
  {
    name: 'POST /me/two-factor/disable',
    call: () => ({ method: 'POST', path: '/api/v1/me/two-factor/disable', body: { currentPassword: PASSWORD } }),
    expect: EVERYONE,
  },
];
