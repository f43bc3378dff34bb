import { PASSWORD, addMember } from '../support/factories';
import { withOwner } from '../support/owner-db';
import { startWorkTeam, type WorkTeam } from '../support/work-team';

/**
 * Issue 20: on the routes marked @SessionCheckedInTransaction the session is not looked up before the request;
 * it is confirmed by auth_session_confirm in the tenant transaction's opening, in the round trip of the first
 * statement. It must refuse exactly what the separate check refused: a revoked session, a removed member, a
 * role the token names that is no longer the person's; and a role gained since the token was made must not be
 * refused on the token's word. (The routes checked before the request: sessions.e2e-spec.)
 */
describe('a session confirmed inside the tenant transaction', () => {
  let team: WorkTeam;

  beforeAll(async () => {
    // Last-seen times written every 200 ms instead of every minute (the last test waits for one).
    team = await startWorkTeam({ env: { SESSION_TOUCH_INTERVAL_MS: '200' } });
  }, 180_000);
  afterAll(() => team.stack.close());

  const login = async (email: string) => {
    const response = await team.stack.api.post('/api/v1/auth/login', { email, password: PASSWORD });
    expect(response.status).toBe(200);
    return response.body as { accessToken: string; refreshToken: string };
  };
  const entry = (notes: string) => ({
    engagementId: team.engagementId,
    startedAt: '2026-10-05T08:00:00Z',
    endedAt: '2026-10-05T08:30:00Z',
    notes,
  });
  const logsWithNotes = (notes: string) =>
    withOwner(async (db) => (await db.query('SELECT count(*)::int AS n FROM work_logs WHERE notes = $1', [notes])).rows[0].n as number);

  it('refuses a revoked session with 401 on its next read and write, and the write stores nothing', async () => {
    const { api } = team.stack;
    const session = await login(team.assistant.email);
    expect((await api.get('/api/v1/work-logs', session.accessToken)).status).toBe(200);
    expect((await api.post('/api/v1/auth/logout', { refreshToken: session.refreshToken })).status).toBe(204);

    const read = await api.get('/api/v1/work-logs', session.accessToken);
    expect(read.status).toBe(401);
    expect(read.body.message).toBe('Your session has ended; sign in again');
    const write = await api.post('/api/v1/work-logs', entry('after logout'), session.accessToken);
    expect(write.status).toBe(401);
    expect(await logsWithNotes('after logout')).toBe(0);
    // A route the token's role may not use: the session is checked before the refusal, so 401, not 403.
    expect((await api.get('/api/v1/disclosure-analytics', session.accessToken)).status).toBe(401);
    // The assistant's other session is untouched.
    expect((await api.post('/api/v1/work-logs', entry('still signed in'), team.assistant.token)).status).toBe(201);
  });

  it('refuses a token whose role was taken away (401), and the refreshed token carries the new role', async () => {
    const { api } = team.stack;
    const manager = await addMember(api, team.tenant.owner.token, 'manager');
    const session = await login(manager.email);
    expect((await api.get('/api/v1/disclosure-analytics', session.accessToken)).status).toBe(200);

    expect((await api.patch(`/api/v1/members/${manager.userId}`, { role: 'assistant' }, team.tenant.owner.token)).status).toBe(204);
    const stale = await api.get('/api/v1/disclosure-analytics', session.accessToken);
    expect(stale.status).toBe(401);
    expect((await api.get('/api/v1/engagements', session.accessToken)).status).toBe(401);

    const refreshed = await api.post('/api/v1/auth/refresh', { refreshToken: session.refreshToken });
    expect(refreshed.status).toBe(200);
    expect((await api.get('/api/v1/disclosure-analytics', refreshed.body.accessToken)).status).toBe(403);
    expect((await api.get('/api/v1/engagements', refreshed.body.accessToken)).status).toBe(200);
  });

  it("does not refuse on the token's word a role the person has gained since", async () => {
    const { api } = team.stack;
    const assistant = await addMember(api, team.tenant.owner.token, 'assistant');
    expect((await api.get('/api/v1/disclosure-analytics', assistant.token)).status).toBe(403);
    expect((await api.patch(`/api/v1/members/${assistant.userId}`, { role: 'manager' }, team.tenant.owner.token)).status).toBe(204);
    expect((await api.get('/api/v1/disclosure-analytics', assistant.token)).status).toBe(200);
  });

  it('refuses a removed member (401), whose token is still signed', async () => {
    const { api } = team.stack;
    const assistant = await addMember(api, team.tenant.owner.token, 'assistant');
    expect((await api.get('/api/v1/engagements', assistant.token)).status).toBe(200);
    expect((await api.delete(`/api/v1/members/${assistant.userId}`, team.tenant.owner.token)).status).toBe(204);
    expect((await api.get('/api/v1/engagements', assistant.token)).status).toBe(401);
    expect((await api.get(`/api/v1/engagements/${team.engagementId}/timesheet?period=week&start=2026-10-05`, assistant.token)).status).toBe(
      401,
    );
  });

  it("writes the session's last-seen time after the request, not inside its transaction", async () => {
    const { api } = team.stack;
    const session = await login(team.clientAdmin.email);
    const lastSeen = () =>
      withOwner(async (db) =>
        (
          await db.query(
            `SELECT last_seen_at > now() - interval '30 seconds' AS recent FROM sessions WHERE user_id = $1 AND revoked_at IS NULL`,
            [team.clientAdmin.userId],
          )
        ).rows.map((r: { recent: boolean }) => r.recent),
      );
    await withOwner((db) =>
      db.query(`UPDATE sessions SET last_seen_at = now() - interval '5 minutes' WHERE user_id = $1`, [team.clientAdmin.userId]),
    );
    expect(await lastSeen()).not.toContain(true);
    expect((await api.get('/api/v1/work-logs', session.accessToken)).status).toBe(200);
    for (let i = 0; i < 30 && !(await lastSeen()).includes(true); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await lastSeen()).toContain(true);
  });
});
