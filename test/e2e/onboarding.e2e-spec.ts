import { invitationLink, waitForEmails } from '../support/mail-sink';
import { PASSWORD, createClientAccount, signUpTenant, uniqueEmail } from '../support/factories';
import { startStack, type Stack } from '../support/stack';

describe('onboarding: sign-up, invitations by email, login and /me', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('signs up a tenant, invites an assistant and a client_admin, and each logs in with the right role', async () => {
    const { api } = stack;
    const tenant = await signUpTenant(api, { locale: 'de' });
    const ownerMe = await api.get('/api/v1/me', tenant.owner.token);
    expect(ownerMe.status).toBe(200);
    expect(ownerMe.body).toMatchObject({ role: 'owner', tenant: { slug: tenant.slug }, clientAccountId: null });

    const clientId = await createClientAccount(api, tenant.owner.token, 'Acme Bakery');
    const assistantEmail = uniqueEmail('assistant');
    const clientEmail = uniqueEmail('client');
    const assistantInvite = await api.post('/api/v1/invitations', { email: assistantEmail, role: 'assistant' }, tenant.owner.token);
    expect(assistantInvite.status).toBe(201);
    expect(assistantInvite.body).not.toHaveProperty('tokenHash');
    const clientInvite = await api.post(
      '/api/v1/invitations',
      { email: clientEmail, role: 'client_admin', clientAccountId: clientId, locale: 'en' },
      tenant.owner.token,
    );
    expect(clientInvite.status).toBe(201);

    // The tenant's default locale (de) applies unless the invitation names one.
    const [assistantMail] = await waitForEmails(assistantEmail);
    expect(assistantMail!.subject).toContain('eingeladen');
    const [clientMail] = await waitForEmails(clientEmail);
    expect(clientMail!.subject).toContain('invited you');
    expect(clientMail!.text).toContain('the main contact of Acme Bakery');

    for (const [mail, email, role] of [
      [assistantMail!, assistantEmail, 'assistant'],
      [clientMail!, clientEmail, 'client_admin'],
    ] as const) {
      const link = invitationLink(mail);
      expect(link.url.origin).toBe(stack.webUrl);
      const preview = await api.get(`/api/v1/invitations/lookup?tenant=${link.tenantId}&token=${link.token}`);
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({ email, role, existingAccount: false });
      const accepted = await api.post('/api/v1/invitations/accept', {
        ...link,
        url: undefined,
        displayName: 'New Member',
        password: PASSWORD,
      });
      expect(accepted.status).toBe(200);

      const login = await api.post('/api/v1/auth/login', { email, password: PASSWORD });
      expect(login.status).toBe(200);
      const me = await api.get('/api/v1/me', login.body.accessToken);
      expect(me.status).toBe(200);
      expect(me.body.role).toBe(role);
      expect(me.body.tenant.id).toBe(tenant.tenantId);
      expect(me.body.clientAccountId).toBe(role === 'client_admin' ? clientId : null);
    }
  });

  it('rotates refresh tokens, and reusing a rotated one revokes the whole family', async () => {
    const { api } = stack;
    const tenant = await signUpTenant(api);
    const login = await api.post('/api/v1/auth/login', { email: tenant.owner.email, password: PASSWORD });
    const first = login.body.refreshToken as string;
    const rotated = await api.post('/api/v1/auth/refresh', { refreshToken: first });
    expect(rotated.status).toBe(200);
    expect(rotated.body.refreshToken).not.toBe(first);

    const reuse = await api.post('/api/v1/auth/refresh', { refreshToken: first });
    expect(reuse.status).toBe(401);
    expect(reuse.body.message).toMatch(/already used/);
    // The thief's reuse also ends the legitimate holder's newer token.
    const after = await api.post('/api/v1/auth/refresh', { refreshToken: rotated.body.refreshToken });
    expect(after.status).toBe(401);
  });

  it('logs out: the refresh token stops working', async () => {
    const { api } = stack;
    const tenant = await signUpTenant(api);
    const login = await api.post('/api/v1/auth/login', { email: tenant.owner.email, password: PASSWORD });
    expect((await api.post('/api/v1/auth/logout', { refreshToken: login.body.refreshToken })).status).toBe(204);
    expect((await api.post('/api/v1/auth/refresh', { refreshToken: login.body.refreshToken })).status).toBe(401);
  });

  it('refuses a wrong password and an unauthenticated /me', async () => {
    const { api } = stack;
    const tenant = await signUpTenant(api);
    const login = await api.post('/api/v1/auth/login', { email: tenant.owner.email, password: 'wrong password here' });
    expect(login.status).toBe(401);
    expect(login.body.message).toBe('Email or password is incorrect');
    expect((await api.get('/api/v1/me')).status).toBe(401);
    expect((await api.get('/api/v1/me', 'not-a-jwt')).status).toBe(401);
  });

  it('serves health, the OpenAPI document and a request id', async () => {
    const health = await fetch(new URL('/health', stack.api.baseUrl));
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', checks: { database: 'up', redis: 'up' } });
    const doc = await stack.api.get('/api/docs-json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/me', '/api/v1/invitations', '/api/v1/auth/login']));
  });
});
