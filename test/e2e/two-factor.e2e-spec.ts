import { generate } from 'otplib';
import { PASSWORD, addMember, signUpTenant } from '../support/factories';
import { withOwner } from '../support/owner-db';
import { startStack, type Stack } from '../support/stack';

/** A code from the authenticator app, for the secret the setup step answered. */
const codeFor = (secret: string) => generate({ secret });
/** The code of the next 30-second step: accepted (a phone a little ahead), and never the one just used. */
const nextCodeFor = (secret: string) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
/** A code a step away from now is still accepted; this one is an hour off, so never right. */
const wrongCodeFor = (secret: string) => generate({ secret, epoch: Math.floor(Date.now() / 1000) - 3600 });

describe('two-factor (TOTP) with recovery codes, each code good once', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ worker: true, env: { AUTH_LIMIT_PER_ACCOUNT: '50' } });
  });
  afterAll(() => stack.close());

  const login = (email: string) => stack.api.post('/api/v1/auth/login', { email, password: PASSWORD });

  it('enrols a staff member (QR code, ten recovery codes), then asks every sign-in for a code or a recovery code, each once', async () => {
    const { api } = stack;
    const tenant = await signUpTenant(api);
    const assistant = await addMember(api, tenant.owner.token, 'assistant');
    expect((await api.get('/api/v1/me/two-factor', assistant.token)).body).toEqual({
      enabled: false,
      recoveryCodesLeft: 0,
      requiredByWorkspace: false,
    });

    const setup = await api.post('/api/v1/me/two-factor/setup', {}, assistant.token);
    expect(setup.status).toBe(200);
    expect(setup.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/Candor:/);
    expect(setup.body.qrCodeDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(setup.body.qrCodeDataUrl.split(',')[1], 'base64').toString()).toMatch(
      /^<svg [^>]*viewBox="0 0 \d+ \d+"[^>]*><path /,
    );
    const secret: string = setup.body.secret;
    const wrong = await api.post('/api/v1/me/two-factor/enable', { code: await wrongCodeFor(secret) }, assistant.token);
    expect(wrong.status).toBe(400);
    const enrolmentCode = await codeFor(secret);
    const enabled = await api.post('/api/v1/me/two-factor/enable', { code: enrolmentCode }, assistant.token);
    expect(enabled.status).toBe(200);
    const recoveryCodes: string[] = enabled.body.recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const stored = await withOwner((c) => c.query('SELECT code_hash FROM recovery_codes WHERE user_id = $1', [assistant.userId]));
    expect(stored.rows.map((r: { code_hash: string }) => r.code_hash)).not.toContain(recoveryCodes[0]);

    const first = await login(assistant.email);
    expect(first.status).toBe(200);
    expect(first.body.accessToken).toBeUndefined();
    expect(first.body.mfaEnrolmentRequired).toBe(false);
    // The half-way token opens nothing.
    expect((await api.get('/api/v1/me', first.body.mfaToken)).status).toBe(401);
    const badCode = await api.post('/api/v1/auth/two-factor/verify', { mfaToken: first.body.mfaToken, code: await wrongCodeFor(secret) });
    expect(badCode.status).toBe(400);
    // The enrolment's code is spent: seen over a shoulder, it opens nothing within its 30 seconds.
    const replayed = await api.post('/api/v1/auth/two-factor/verify', { mfaToken: first.body.mfaToken, code: enrolmentCode });
    expect({ status: replayed.status, message: replayed.body.message }).toEqual({
      status: 400,
      message: 'This code was already used; wait for the next code your app shows',
    });
    // Two sign-ins racing with one fresh code: exactly one gets in.
    const racer = await login(assistant.email);
    const fresh = await nextCodeFor(secret);
    const raced = await Promise.all(
      [first, racer].map((step) => api.post('/api/v1/auth/two-factor/verify', { mfaToken: step.body.mfaToken, code: fresh })),
    );
    expect(raced.map((r) => r.status).sort()).toEqual([200, 400]);
    const withCode = raced.find((r) => r.status === 200)!;
    const again = await api.post('/api/v1/auth/two-factor/verify', { mfaToken: (await login(assistant.email)).body.mfaToken, code: fresh });
    expect(again.status).toBe(400);
    expect((await api.get('/api/v1/me', withCode.body.accessToken)).body.role).toBe('assistant');

    const second = await login(assistant.email);
    const withRecovery = await api.post('/api/v1/auth/two-factor/verify', {
      mfaToken: second.body.mfaToken,
      recoveryCode: recoveryCodes[3],
    });
    expect(withRecovery.status).toBe(200);
    const third = await login(assistant.email);
    const reused = await api.post('/api/v1/auth/two-factor/verify', { mfaToken: third.body.mfaToken, recoveryCode: recoveryCodes[3] });
    expect(reused.status).toBe(400);
    expect(reused.body.message).toBe('That recovery code is not right or was already used');
    expect((await api.get('/api/v1/me/two-factor', withRecovery.body.accessToken)).body.recoveryCodesLeft).toBe(9);
    const sessions = await api.get('/api/v1/me/sessions', withCode.body.accessToken);
    expect(sessions.body.find((s: { current: boolean }) => s.current).mfaVerified).toBe(true);
  });

  it('lets the owner require it for staff: login asks for set-up, refresh of an old session is refused, clients are not asked', async () => {
    const { api } = stack;
    const tenant = await signUpTenant(api);
    const clientId = (await api.post('/api/v1/client-accounts', { name: 'Acme' }, tenant.owner.token)).body.id;
    const client = await addMember(api, tenant.owner.token, 'client_member', clientId);
    const managerLogin = async () => {
      const manager = await addMember(api, tenant.owner.token, 'manager');
      return { manager, session: (await login(manager.email)).body };
    };
    const { manager, session: before } = await managerLogin();
    expect(before.accessToken).toBeDefined();

    const refused = await api.patch('/api/v1/tenant', { settings: { requireTwoFactorForStaff: true } }, manager.token);
    expect(refused.status).toBe(403);
    expect((await api.patch('/api/v1/tenant', { settings: { requireTwoFactorForStaff: true } }, tenant.owner.token)).status).toBe(200);

    const refresh = await api.post('/api/v1/auth/refresh', { refreshToken: before.refreshToken });
    expect(refresh.status).toBe(401);
    expect(refresh.body.message).toBe('Your workspace requires two-factor authentication; sign in again with your code');

    const step = await login(manager.email);
    expect(step.body).toMatchObject({ mfaEnrolmentRequired: true });
    expect(step.body.accessToken).toBeUndefined();
    const setup = await api.post('/api/v1/auth/two-factor/setup', { mfaToken: step.body.mfaToken });
    expect(setup.status).toBe(200);
    const done = await api.post('/api/v1/auth/two-factor/verify', { mfaToken: step.body.mfaToken, code: await codeFor(setup.body.secret) });
    expect(done.status).toBe(200);
    expect(done.body.recoveryCodes).toHaveLength(10);
    expect((await api.post('/api/v1/auth/refresh', { refreshToken: done.body.refreshToken })).status).toBe(200);
    const off = await api.post('/api/v1/me/two-factor/disable', { currentPassword: PASSWORD }, done.body.accessToken);
    expect(off.status).toBe(400);

    const clientLogin = await login(client.email);
    expect(clientLogin.body.accessToken).toBeDefined();
  });

  it('asks for the second factor after a magic link too', async () => {
    const { api } = stack;
    const tenant = await signUpTenant(api);
    const setup = await api.post('/api/v1/me/two-factor/setup', {}, tenant.owner.token);
    await api.post('/api/v1/me/two-factor/enable', { code: await codeFor(setup.body.secret) }, tenant.owner.token);
    const userId = (await api.get('/api/v1/me', tenant.owner.token)).body.user.id;
    // The magic link itself is exercised in account-access; here its token is arranged directly.
    const { token } = await stack.app.get((await import('../../apps/api/src/modules/auth/challenges.service')).ChallengesService).create({
      userId,
      purpose: 'magic_link',
      ttlMinutes: 15,
      tenantId: tenant.tenantId,
    });
    const redeemed = await api.post('/api/v1/auth/magic-link/redeem', { token });
    expect(redeemed.status).toBe(200);
    expect(redeemed.body.accessToken).toBeUndefined();
    expect(redeemed.body.mfaToken).toBeDefined();
  });
});
