import { PASSWORD, createClientAccount, signUpTenant, uniqueEmail } from '../support/factories';
import { invitationLink, waitForEmails } from '../support/mail-sink';
import { withOwner } from '../support/owner-db';
import { startStack, type Stack } from '../support/stack';

const COUNTED = ['tenants', 'users', 'memberships', 'client_accounts', 'invitations', 'notifications', 'refresh_tokens'];

/**
 * Row counts of what a request could write. The worker's schedules run sweeps over every tenant in this
 * database (other files' tenants too) at any moment, so notifications are counted only for `own` tenants and
 * tenants created since the first snapshot of the test.
 */
function counter(own: string[] = []) {
  const since = new Date();
  return () =>
    withOwner(async (client) => {
      const result: Record<string, number> = {};
      for (const table of COUNTED) {
        const scoped =
          table === 'notifications'
            ? ' WHERE tenant_id = ANY($1::uuid[]) OR tenant_id IN (SELECT id FROM tenants WHERE created_at >= $2)'
            : '';
        const params = scoped ? [own, since] : [];
        result[table] = (await client.query(`SELECT count(*)::int AS n FROM ${table}${scoped}`, params)).rows[0].n;
      }
      return result;
    });
}

describe('bad input is refused with a clear 4xx and nothing is written', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('names each bad field on sign-up', async () => {
    const counts = counter();
    const before = await counts();
    const response = await stack.api.post('/api/v1/auth/signup', {
      email: 'not-an-email',
      password: 'short',
      tenantSlug: 'Bad Slug!',
      surprise: true,
    });
    expect(response.status).toBe(400);
    const messages: string[] = response.body.message;
    expect(messages).toEqual(
      expect.arrayContaining([
        'Email must be a valid email address.',
        'Password must be at least 12 characters long.',
        'Tenant slug must be 2-63 lowercase letters, digits or dashes.',
        'Surprise: this field is not expected here.',
      ]),
    );
    expect(messages.some((m) => m.startsWith('Tenant name'))).toBe(true);
    expect(messages.some((m) => m.startsWith('Display name'))).toBe(true);
    // Each error item names its field for the web, and says "this field" in words a person reads.
    expect(response.body.errors).toContainEqual({
      code: 'invalid_format',
      field: 'tenantSlug',
      message: 'This field must be 2-63 lowercase letters, digits or dashes.',
    });
    expect(response.body.errors).toContainEqual({ code: 'unknown_field', field: 'surprise', message: 'This field is not expected here.' });
    expect(await counts()).toEqual(before);
  });

  it('answers a registered email like a new one (creating nothing), and 409 for a taken workspace address', async () => {
    const tenant = await signUpTenant(stack.api);
    const counts = counter([tenant.tenantId]);
    const before = await counts();
    const sameEmail = await stack.api.post('/api/v1/auth/signup', {
      tenantName: 'Other',
      tenantSlug: `other-${Date.now()}`,
      displayName: 'X',
      email: tenant.owner.email.toUpperCase(),
      password: PASSWORD,
    });
    expect(sameEmail.status).toBe(202);
    expect(sameEmail.body.message).toBe('If the address can be used, an email is on its way; it tells you what to do next.');
    // Only the email telling the owner that someone tried: no tenant, user or membership.
    expect(await counts()).toEqual({ ...before, notifications: before['notifications']! + 1 });
    const sameSlug = await stack.api.post('/api/v1/auth/signup', {
      tenantName: 'Other',
      tenantSlug: tenant.slug,
      displayName: 'X',
      email: uniqueEmail('slug'),
      password: PASSWORD,
    });
    expect(sameSlug.status).toBe(409);
    expect(await counts()).toEqual({ ...before, notifications: before['notifications']! + 1 });
  });

  it('refuses bad invitations: malformed email, unknown role, staff role with a client account', async () => {
    const tenant = await signUpTenant(stack.api);
    const clientId = await createClientAccount(stack.api, tenant.owner.token);
    const counts = counter([tenant.tenantId]);
    const before = await counts();
    const bad = await stack.api.post('/api/v1/invitations', { email: 'nope', role: 'emperor' }, tenant.owner.token);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(
      expect.arrayContaining(['Email must be a valid email address.', 'Role: this value is not one of the allowed choices.']),
    );
    const mixed = await stack.api.post(
      '/api/v1/invitations',
      { email: uniqueEmail('m'), role: 'assistant', clientAccountId: clientId },
      tenant.owner.token,
    );
    expect(mixed.status).toBe(400);
    expect(mixed.body.message).toBe('Client account must be empty for the role assistant');
    const missing = await stack.api.post('/api/v1/invitations', { email: uniqueEmail('m'), role: 'client_member' }, tenant.owner.token);
    expect(missing.status).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('answers 410 for a used or an expired invitation and writes nothing', async () => {
    const tenant = await signUpTenant(stack.api);
    const usedEmail = uniqueEmail('used');
    const expiredEmail = uniqueEmail('expired');
    await stack.api.post('/api/v1/invitations', { email: usedEmail, role: 'assistant' }, tenant.owner.token);
    await stack.api.post('/api/v1/invitations', { email: expiredEmail, role: 'assistant' }, tenant.owner.token);
    const used = invitationLink((await waitForEmails(usedEmail))[0]!);
    const expired = invitationLink((await waitForEmails(expiredEmail))[0]!);
    const accept = (link: typeof used) =>
      stack.api.post('/api/v1/invitations/accept', { tenantId: link.tenantId, token: link.token, displayName: 'Once', password: PASSWORD });
    expect((await accept(used)).status).toBe(200);
    await withOwner((client) =>
      client.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE email = $1`, [expiredEmail]),
    );

    const counts = counter([tenant.tenantId]);
    const before = await counts();
    const second = await accept(used);
    expect(second.status).toBe(410);
    expect(second.body.message).toBe('This invitation has already been used');
    const late = await accept(expired);
    expect(late.status).toBe(410);
    expect(late.body.message).toBe('This invitation has expired; ask for a new one');
    const unknown = await stack.api.post('/api/v1/invitations/accept', {
      tenantId: tenant.tenantId,
      token: 'x'.repeat(43),
      displayName: 'Nobody',
      password: PASSWORD,
    });
    expect(unknown.status).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it('rate-limits login attempts per account', async () => {
    const tenant = await signUpTenant(stack.api);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await stack.api.post('/api/v1/auth/login', { email: tenant.owner.email, password: 'wrong password!' })).status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    // Another account from the same IP is not affected by this account's limit.
    const other = await signUpTenant(stack.api);
    expect((await stack.api.post('/api/v1/auth/login', { email: other.owner.email, password: PASSWORD })).status).toBe(200);
    // Thirteen argon2 checks and two confirmed sign-ups: seconds each on a busy machine.
  }, 240_000);
});

describe('login rate limit per IP', () => {
  it('refuses the IP once it passes its limit, whatever the account', async () => {
    const stack = await startStack({ env: { LOGIN_LIMIT_PER_IP: '3' }, worker: false });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push((await stack.api.post('/api/v1/auth/login', { email: uniqueEmail('ip'), password: 'whatever it is' })).status);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await stack.close();
    }
  });
});
