import { PASSWORD, addMember, signUpTenant, type TenantFixture } from '../support/factories';
import { withOwner } from '../support/owner-db';
import { startStack, type Stack } from '../support/stack';

describe('sessions: listed, revoked, and ended at once by logout, a role change or a removal', () => {
  let stack: Stack;
  let tenant: TenantFixture;
  let outsider: TenantFixture;

  beforeAll(async () => {
    stack = await startStack({ worker: true });
    tenant = await signUpTenant(stack.api);
    outsider = await signUpTenant(stack.api);
  });
  afterAll(() => stack.close());

  const login = async (email: string) => {
    const response = await stack.api.post('/api/v1/auth/login', { email, password: PASSWORD });
    expect(response.status).toBe(200);
    return response.body as { accessToken: string; refreshToken: string };
  };

  it('lists my sessions with the current one marked, and revoking one ends it on its next request', async () => {
    const { api } = stack;
    const laptop = await login(tenant.owner.email);
    const phone = await login(tenant.owner.email);
    const list = await api.get('/api/v1/me/sessions', laptop.accessToken);
    expect(list.status).toBe(200);
    expect(list.body.length).toBeGreaterThanOrEqual(3);
    const current = list.body.filter((s: { current: boolean }) => s.current);
    expect(current).toHaveLength(1);
    expect(current[0]).toMatchObject({ method: 'password', mfaVerified: false });

    const phoneId = (await api.get('/api/v1/me/sessions', phone.accessToken)).body.find((s: { current: boolean }) => s.current).id;
    expect((await api.get('/api/v1/me', phone.accessToken)).status).toBe(200);
    expect((await api.delete(`/api/v1/me/sessions/${phoneId}`, laptop.accessToken)).status).toBe(204);
    const refused = await api.get('/api/v1/me', phone.accessToken);
    expect(refused.status).toBe(401);
    expect(refused.body.message).toBe('Your session has ended; sign in again');
    expect((await api.post('/api/v1/auth/refresh', { refreshToken: phone.refreshToken })).status).toBe(401);
    expect((await api.get('/api/v1/me', laptop.accessToken)).status).toBe(200);
    const after = await api.get('/api/v1/me/sessions', laptop.accessToken);
    expect(after.body.map((s: { id: string }) => s.id)).not.toContain(phoneId);
  });

  it("refuses to revoke another person's session (404, and it keeps working)", async () => {
    const { api } = stack;
    const other = await login(outsider.owner.email);
    const otherId = (await api.get('/api/v1/me/sessions', other.accessToken)).body.find((s: { current: boolean }) => s.current).id;
    expect((await api.delete(`/api/v1/me/sessions/${otherId}`, tenant.owner.token)).status).toBe(404);
    expect((await api.get('/api/v1/me', other.accessToken)).status).toBe(200);
  });

  it('ends the access token at logout, not at its expiry', async () => {
    const { api } = stack;
    const session = await login(tenant.owner.email);
    expect((await api.get('/api/v1/me', session.accessToken)).status).toBe(200);
    expect((await api.post('/api/v1/auth/logout', { refreshToken: session.refreshToken })).status).toBe(204);
    expect((await api.get('/api/v1/me', session.accessToken)).status).toBe(401);
  });

  it("applies a role change on the member's next request, and a removal ends their sessions", async () => {
    const { api } = stack;
    const manager = await addMember(api, tenant.owner.token, 'manager');
    expect((await api.get('/api/v1/audit-events', manager.token)).status).toBe(200);

    expect((await api.patch(`/api/v1/members/${manager.userId}`, { role: 'assistant' }, tenant.owner.token)).status).toBe(204);
    const demoted = await api.get('/api/v1/audit-events', manager.token);
    expect(demoted.status).toBe(403);
    expect((await api.get('/api/v1/me', manager.token)).body.role).toBe('assistant');

    expect((await api.delete(`/api/v1/members/${manager.userId}`, tenant.owner.token)).status).toBe(204);
    expect((await api.get('/api/v1/me', manager.token)).status).toBe(401);
    const members = await api.get('/api/v1/members', tenant.owner.token);
    expect(members.body.map((m: { userId: string }) => m.userId)).not.toContain(manager.userId);
    const open = await withOwner((c) =>
      c.query('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1 AND revoked_at IS NULL', [manager.userId]),
    );
    expect(open.rows[0].n).toBe(0);
  });

  it('refuses team changes by a manager (403), to yourself (400), across kinds (400) and across tenants (404)', async () => {
    const { api } = stack;
    const manager = await addMember(api, tenant.owner.token, 'manager');
    const assistant = await addMember(api, tenant.owner.token, 'assistant');
    const ownerId = (await api.get('/api/v1/me', tenant.owner.token)).body.user.id;
    expect((await api.delete(`/api/v1/members/${assistant.userId}`, manager.token)).status).toBe(403);
    expect((await api.patch(`/api/v1/members/${assistant.userId}`, { role: 'manager' }, manager.token)).status).toBe(403);
    const self = await api.delete(`/api/v1/members/${ownerId}`, tenant.owner.token);
    expect(self.status).toBe(400);
    expect(self.body.message).toBe('You cannot remove yourself; another owner can');
    const kind = await api.patch(`/api/v1/members/${assistant.userId}`, { role: 'client_admin' }, tenant.owner.token);
    expect(kind.status).toBe(400);
    expect((await api.patch(`/api/v1/members/${assistant.userId}`, { role: 'emperor' }, tenant.owner.token)).status).toBe(400);
    expect((await api.delete(`/api/v1/members/${assistant.userId}`, outsider.owner.token)).status).toBe(404);
    expect((await api.get('/api/v1/me', assistant.token)).status).toBe(200);
  });
});
