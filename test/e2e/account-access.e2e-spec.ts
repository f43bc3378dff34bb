import { randomBytes, randomUUID } from 'node:crypto';
import { PASSWORD, signUpTenant, uniqueEmail } from '../support/factories';
import { emailsTo, linkTo, waitForEmailAbout } from '../support/mail-sink';
import { withOwner } from '../support/owner-db';
import { startStack, type Stack } from '../support/stack';

const NEW_PASSWORD = 'a brand new passphrase 2026';
const ACCEPTED = 'If the address can be used, an email is on its way; it tells you what to do next.';
const browserKey = () => randomBytes(24).toString('base64url');
const tokenOf = (url: URL) => url.searchParams.get('token')!;
const codeIn = (text: string) => /(\d{6})/.exec(text)![1]!;

describe('getting in: sign-up, confirmation, reset, magic link and code, password and email change', () => {
  let stack: Stack;
  beforeAll(async () => {
    // Limits are tested on their own below; here they must not end a flow before its own refusal.
    stack = await startStack({ env: { AUTH_LIMIT_PER_ACCOUNT: '50' } });
  });
  afterAll(() => stack.close());

  const login = (email: string, password = PASSWORD) => stack.api.post('/api/v1/auth/login', { email, password });

  it('signs a new agency up, refuses password sign-in until the address is confirmed, and confirms once', async () => {
    const { api } = stack;
    const email = uniqueEmail('signup');
    const slug = `s-${randomUUID().slice(0, 10)}`;
    const body = {
      tenantName: 'Northwind VAs',
      tenantSlug: slug,
      displayName: 'Nora North',
      email,
      password: PASSWORD,
      locale: 'de',
      timeZone: 'Europe/Berlin',
    };
    const response = await api.post('/api/v1/auth/signup', body);
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ message: ACCEPTED });
    const early = await login(email);
    expect(early.status).toBe(403);
    expect(early.body.message).toMatch(/^Confirm your email address first/);

    const mail = await waitForEmailAbout(email, 'Northwind VAs');
    expect(mail.subject).toBe('Bestätigen Sie Ihre E-Mail-Adresse für Northwind VAs');
    const token = tokenOf(linkTo(mail, '/confirm-email'));
    const confirmed = await api.post('/api/v1/auth/confirm-email', { token });
    expect(confirmed.status).toBe(200);
    const me = await api.get('/api/v1/me', confirmed.body.accessToken);
    expect(me.body).toMatchObject({ role: 'owner', tenant: { slug, timeZone: 'Europe/Berlin' }, user: { email, locale: 'de' } });
    const stored = await withOwner((c) => c.query('SELECT time_zone, email_verified_at FROM users WHERE email = $1', [email]));
    expect(stored.rows[0].time_zone).toBe('Europe/Berlin');
    expect(stored.rows[0].email_verified_at).not.toBeNull();
    expect((await login(email)).status).toBe(200);

    const again = await api.post('/api/v1/auth/confirm-email', { token });
    expect(again.status).toBe(410);
    expect(again.body.message).toMatch(/already been used/);
  });

  it('answers a sign-up with a registered email like any other, and tells the owner by email', async () => {
    const tenant = await signUpTenant(stack.api);
    const users = async () => (await withOwner((c) => c.query('SELECT count(*)::int AS n FROM users'))).rows[0].n;
    const before = await users();
    const response = await stack.api.post('/api/v1/auth/signup', {
      tenantName: 'Copycat',
      tenantSlug: `c-${randomUUID().slice(0, 10)}`,
      displayName: 'Someone',
      email: tenant.owner.email,
      password: 'another password entirely',
    });
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ message: ACCEPTED });
    expect(await users()).toBe(before);
    await waitForEmailAbout(tenant.owner.email, 'You already have a Candor account');
  });

  it('resets a forgotten password by a single-use link and ends every old session', async () => {
    const { api } = stack;
    const tenant = await signUpTenant(api);
    const other = (await login(tenant.owner.email)).body;
    const reset = await api.post('/api/v1/auth/password-reset', { email: tenant.owner.email });
    expect(reset.status).toBe(202);
    expect(reset.body).toEqual({ message: ACCEPTED });
    const mail = await waitForEmailAbout(tenant.owner.email, 'Set a new password');
    const token = tokenOf(linkTo(mail, '/reset-password'));

    const short = await api.post('/api/v1/auth/password-reset/confirm', { token, password: 'short' });
    expect(short.status).toBe(400);
    expect((await api.post('/api/v1/auth/password-reset/confirm', { token, password: NEW_PASSWORD })).status).toBe(204);
    expect((await api.get('/api/v1/me', tenant.owner.token)).status).toBe(401);
    expect((await api.get('/api/v1/me', other.accessToken)).status).toBe(401);
    expect((await api.post('/api/v1/auth/refresh', { refreshToken: other.refreshToken })).status).toBe(401);
    expect((await login(tenant.owner.email)).status).toBe(401);
    expect((await login(tenant.owner.email, NEW_PASSWORD)).status).toBe(200);
    await waitForEmailAbout(tenant.owner.email, 'Your Candor password was changed');

    const reused = await api.post('/api/v1/auth/password-reset/confirm', { token, password: 'yet another passphrase' });
    expect(reused.status).toBe(410);
    expect((await login(tenant.owner.email, 'yet another passphrase')).status).toBe(401);
  });

  it('refuses an expired reset link and an unknown one', async () => {
    const { api } = stack;
    const tenant = await signUpTenant(api);
    await api.post('/api/v1/auth/password-reset', { email: tenant.owner.email });
    const token = tokenOf(linkTo(await waitForEmailAbout(tenant.owner.email, 'Set a new password'), '/reset-password'));
    await withOwner((c) =>
      c.query(`UPDATE auth_challenges SET expires_at = now() - interval '1 second' WHERE purpose = 'password_reset' AND used_at IS NULL`),
    );
    const expired = await api.post('/api/v1/auth/password-reset/confirm', { token, password: NEW_PASSWORD });
    expect(expired.status).toBe(410);
    expect(expired.body.message).toBe('This password link has expired; ask for a new one');
    const unknown = await api.post('/api/v1/auth/password-reset/confirm', { token: 'x'.repeat(43), password: NEW_PASSWORD });
    expect(unknown.status).toBe(404);
    expect((await login(tenant.owner.email)).status).toBe(200);
  });

  it('answers an unknown email like a known one, in about the same time, and sends nothing', async () => {
    const { api } = stack;
    const tenant = await signUpTenant(api);
    const unknown = uniqueEmail('nobody');
    const timed = async (email: string) => {
      const started = process.hrtime.bigint();
      const response = await api.post('/api/v1/auth/password-reset', { email });
      return { response, ms: Number(process.hrtime.bigint() - started) / 1e6 };
    };
    const known: number[] = [];
    const nobody: number[] = [];
    for (let i = 0; i < 4; i++) {
      const a = await timed(tenant.owner.email);
      const b = await timed(unknown);
      expect(b.response.status).toBe(a.response.status);
      expect(b.response.body).toEqual(a.response.body);
      known.push(a.ms);
      nobody.push(b.ms);
      const magicKnown = await api.post('/api/v1/auth/magic-link', { email: tenant.owner.email, browserKey: browserKey() });
      const magicUnknown = await api.post('/api/v1/auth/magic-link', { email: unknown, browserKey: browserKey() });
      expect(magicUnknown.status).toBe(magicKnown.status);
      expect(Object.keys(magicUnknown.body)).toEqual(Object.keys(magicKnown.body));
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    // The lookup and the email happen after the answer: both answers cost the same request work.
    expect(Math.abs(median(known) - median(nobody))).toBeLessThan(Math.max(50, median(nobody)));
    await waitForEmailAbout(tenant.owner.email, 'Set a new password');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await emailsTo(unknown)).toEqual([]);
  });

  it('signs in by magic link once, landing on the page it named; the code of the same email is then spent', async () => {
    const { api } = stack;
    const tenant = await signUpTenant(api);
    const key = browserKey();
    const asked = await api.post('/api/v1/auth/magic-link', { email: tenant.owner.email, browserKey: key, next: '/engagements?tab=open' });
    expect(asked.status).toBe(202);
    const mail = await waitForEmailAbout(tenant.owner.email, 'sign-in code');
    const token = tokenOf(linkTo(mail, '/magic-link'));
    const signedIn = await api.post('/api/v1/auth/magic-link/redeem', { token });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.next).toBe('/engagements?tab=open');
    expect((await api.get('/api/v1/me', signedIn.body.accessToken)).status).toBe(200);
    const sessions = await api.get('/api/v1/me/sessions', signedIn.body.accessToken);
    expect(sessions.body.find((s: { current: boolean }) => s.current).method).toBe('magic_link');

    expect((await api.post('/api/v1/auth/magic-link/redeem', { token })).status).toBe(410);
    const code = await api.post('/api/v1/auth/magic-link/code', {
      challengeId: asked.body.challengeId,
      browserKey: key,
      code: codeIn(mail.subject),
    });
    expect(code.status).toBe(410);
  });

  it('signs in by code once, only from the asking browser; wrong codes count and an expired one is refused', async () => {
    const { api } = stack;
    const tenant = await signUpTenant(api);
    const key = browserKey();
    const ask = async () => {
      const codes = async () => (await emailsTo(tenant.owner.email)).filter((m) => m.subject.includes('sign-in code'));
      const before = (await codes()).length;
      const asked = await api.post('/api/v1/auth/magic-link', { email: tenant.owner.email, browserKey: key });
      for (let i = 0; i < 150 && (await codes()).length === before; i++) await new Promise((r) => setTimeout(r, 100));
      const latest = (await codes()).at(-1)!;
      return { challengeId: asked.body.challengeId as string, code: codeIn(latest.subject), token: tokenOf(linkTo(latest, '/magic-link')) };
    };

    const first = await ask();
    const elsewhere = await api.post('/api/v1/auth/magic-link/code', {
      challengeId: first.challengeId,
      browserKey: browserKey(),
      code: first.code,
    });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.message).toMatch(/in the browser where you asked for it/);
    const wrongCode = first.code === '000000' ? '111111' : '000000';
    const wrong = await api.post('/api/v1/auth/magic-link/code', { challengeId: first.challengeId, browserKey: key, code: wrongCode });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toBe('That code is not right; 4 tries left');
    const good = await api.post('/api/v1/auth/magic-link/code', { challengeId: first.challengeId, browserKey: key, code: first.code });
    expect(good.status).toBe(200);
    expect(good.body.accessToken).toBeDefined();
    expect(
      (await api.post('/api/v1/auth/magic-link/code', { challengeId: first.challengeId, browserKey: key, code: first.code })).status,
    ).toBe(410);
    expect((await api.post('/api/v1/auth/magic-link/redeem', { token: first.token })).status).toBe(410);

    const second = await ask();
    const tries: string[] = [];
    for (let i = 0; i < 5; i++) {
      tries.push(
        (await api.post('/api/v1/auth/magic-link/code', { challengeId: second.challengeId, browserKey: key, code: wrongCode })).body
          .message,
      );
    }
    expect(tries.at(-1)).toBe('That code is not right, and this sign-in is now closed; ask for a new code');
    const closed = await api.post('/api/v1/auth/magic-link/code', { challengeId: second.challengeId, browserKey: key, code: second.code });
    expect(closed.status).toBe(410);
    expect(closed.body.message).toBe('Too many wrong codes for this sign-in; ask for a new code');

    const third = await ask();
    await withOwner((c) =>
      c.query(`UPDATE auth_challenges SET expires_at = now() - interval '1 second' WHERE id = $1`, [third.challengeId]),
    );
    const late = await api.post('/api/v1/auth/magic-link/code', { challengeId: third.challengeId, browserKey: key, code: third.code });
    expect(late.status).toBe(410);
    expect(late.body.message).toBe('This sign-in link has expired; ask for a new one');
    expect((await api.post('/api/v1/auth/magic-link/redeem', { token: third.token })).status).toBe(410);
  });

  it('changes the password from the profile, keeping this session and ending the others', async () => {
    const { api } = stack;
    const tenant = await signUpTenant(api);
    const other = (await login(tenant.owner.email)).body;
    const wrong = await api.post(
      '/api/v1/me/password',
      { currentPassword: 'not my password at all', newPassword: NEW_PASSWORD },
      tenant.owner.token,
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toBe('The password you entered is not your current password');
    expect(
      (await api.post('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, tenant.owner.token)).status,
    ).toBe(204);
    expect((await api.get('/api/v1/me', tenant.owner.token)).status).toBe(200);
    expect((await api.get('/api/v1/me', other.accessToken)).status).toBe(401);
    expect((await login(tenant.owner.email, NEW_PASSWORD)).status).toBe(200);
  });

  it('changes the email once the new address confirms it, with a notice to the old one', async () => {
    const { api } = stack;
    const tenant = await signUpTenant(api);
    const newEmail = uniqueEmail('moved');
    const asked = await api.post('/api/v1/me/email', { newEmail, currentPassword: PASSWORD }, tenant.owner.token);
    expect(asked.status).toBe(202);
    const notice = await waitForEmailAbout(tenant.owner.email, 'about to change');
    expect(notice.text).toContain(newEmail);
    expect((await login(newEmail)).status).toBe(401);
    const token = tokenOf(linkTo(await waitForEmailAbout(newEmail, 'Confirm your new email address'), '/confirm-email-change'));
    expect((await api.post('/api/v1/auth/email-change/confirm', { token })).status).toBe(204);
    expect((await login(newEmail)).status).toBe(200);
    expect((await login(tenant.owner.email)).status).toBe(401);
    expect((await api.post('/api/v1/auth/email-change/confirm', { token })).status).toBe(410);
  });
});

describe('limits on the email and code routes', () => {
  it('answers 429 after too many magic-link requests for one address', async () => {
    const stack = await startStack({ worker: false, env: { AUTH_LIMIT_PER_ACCOUNT: '3' } });
    try {
      const email = uniqueEmail('flood');
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await stack.api.post('/api/v1/auth/magic-link', { email, browserKey: browserKey() })).status);
      expect(statuses).toEqual([202, 202, 202, 429]);
      const codes: number[] = [];
      const challengeId = randomUUID();
      for (let i = 0; i < 4; i++)
        codes.push(
          (await stack.api.post('/api/v1/auth/magic-link/code', { challengeId, browserKey: 'k'.repeat(22), code: '123456' })).status,
        );
      expect(codes).toEqual([400, 400, 400, 429]);
      const signups: number[] = [];
      for (let i = 0; i < 4; i++) {
        signups.push(
          (
            await stack.api.post('/api/v1/auth/signup', {
              tenantName: 'Flood',
              tenantSlug: `f-${randomUUID().slice(0, 10)}`,
              displayName: 'F',
              email,
              password: PASSWORD,
            })
          ).status,
        );
      }
      expect(signups.at(-1)).toBe(429);
      const resets: number[] = [];
      for (let i = 0; i < 4; i++) resets.push((await stack.api.post('/api/v1/auth/password-reset', { email })).status);
      expect(resets).toEqual([202, 202, 202, 429]);
    } finally {
      await stack.close();
    }
  });
});
