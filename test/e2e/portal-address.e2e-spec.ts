import { unseal } from '@candor/domain-node';
import { randomUUID } from 'node:crypto';
import { PASSWORD, signUpTenant, uniqueEmail, type TenantFixture } from '../support/factories';
import { startDnsServer, type TestDnsServer } from '../support/dns-server';
import { withOwner } from '../support/owner-db';
import { SECRET, startStack, type Stack } from '../support/stack';

const BASE = 'agencies.test';

/**
 * Each agency's portal address: `/a/<slug>`, `<slug>.<PORTAL_BASE_DOMAIN>` and a custom domain that
 * serves the portal only once a TXT record (served here by a local DNS server) proves it is the agency's.
 */
describe('portal addresses', () => {
  let stack: Stack;
  let dns: TestDnsServer;
  let a: TenantFixture;
  let b: TenantFixture;
  const domain = `portal-${randomUUID().slice(0, 8)}.agency-a.example`;

  /** A request with a Host header, as a browser at that address (or the reverse proxy) sends it. */
  async function at(host: string, method: 'GET' | 'POST' | 'DELETE', url: string, token?: string, body?: unknown) {
    const response = await stack.app.inject({
      method,
      url,
      headers: {
        host,
        ...(token && { authorization: `Bearer ${token}` }),
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { payload: JSON.stringify(body) }),
    });
    return { status: response.statusCode, body: response.body ? (JSON.parse(response.body) as Record<string, any>) : undefined };
  }

  const domainRows = (tenantId: string) =>
    withOwner(async (db) => (await db.query(`SELECT hostname, status FROM tenant_domains WHERE tenant_id = $1`, [tenantId])).rows);
  const auditActions = (tenantId: string) =>
    withOwner(async (db) =>
      (
        await db.query(`SELECT action FROM audit_events WHERE tenant_id = $1 AND entity_type = 'tenant_domain' ORDER BY created_at`, [
          tenantId,
        ])
      ).rows.map((r: { action: string }) => r.action),
    );
  /** The accept link of the newest invitation, unsealed: where emails of the tenant point. */
  async function invitationLink(tenant: TenantFixture): Promise<string> {
    const email = uniqueEmail('link');
    expect((await stack.api.post('/api/v1/invitations', { email, role: 'assistant' }, tenant.owner.token)).status).toBe(201);
    const { rows } = await withOwner((db) =>
      db.query(`SELECT payload->'sealed'->>'acceptUrl' AS url FROM notifications WHERE recipient_email = $1`, [email]),
    );
    return unseal(rows[0].url, SECRET);
  }

  beforeAll(async () => {
    dns = await startDnsServer();
    stack = await startStack({ worker: false, env: { PORTAL_BASE_DOMAIN: BASE, DNS_SERVERS: dns.address } });
    a = await signUpTenant(stack.api);
    b = await signUpTenant(stack.api);
  });
  afterAll(async () => {
    await stack.close();
    await dns.close();
  });

  it('refuses addresses that cannot be a custom domain, in plain words, writing nothing', async () => {
    const cases: [string, string][] = [
      ['203.0.113.7', 'hostname_ip_address'],
      ['localhost', 'hostname_local'],
      [`${b.slug}.${BASE}`, 'hostname_ours'],
      [BASE, 'hostname_ours'],
      ['candor.test', 'hostname_ours'],
      ['https://portal.agency.com/x', 'hostname_malformed'],
      ['no-dot', 'hostname_malformed'],
    ];
    for (const [hostname, code] of cases) {
      const refused = await stack.api.post('/api/v1/domains', { hostname }, a.owner.token);
      expect({ hostname, status: refused.status, code: refused.body.errors?.[0]?.code, field: refused.body.errors?.[0]?.field }).toEqual({
        hostname,
        status: 400,
        code,
        field: 'hostname',
      });
      expect(refused.body.message).toMatch(/^[A-Z][^_]*\.$/);
    }
    expect(await domainRows(a.tenantId)).toEqual([]);
  });

  it('keeps a domain pending without its TXT record, or with a wrong one, and serves nothing there', async () => {
    const added = await stack.api.post('/api/v1/domains', { hostname: domain.toUpperCase() }, a.owner.token);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ hostname: domain, status: 'pending', verifiedAt: null });
    expect(added.body.txtRecord.name).toBe(`_candor-verify.${domain}`);
    expect(added.body.txtRecord.value).toMatch(/^candor-verify=[0-9a-f]{32}$/);

    const missing = await stack.api.post(`/api/v1/domains/${added.body.id}/verify`, {}, a.owner.token);
    expect(missing.status).toBe(200);
    expect(missing.body).toMatchObject({ status: 'pending', verifiedAt: null });
    expect(missing.body.lastError).toMatch(/^No TXT record was found at _candor-verify\./);

    dns.setTxt(`_candor-verify.${domain}`, ['v=spf1 -all', 'candor-verify=0000000000000000000000000000000']);
    const wrong = await stack.api.post(`/api/v1/domains/${added.body.id}/verify`, {}, a.owner.token);
    expect(wrong.body).toMatchObject({ status: 'pending' });
    expect(wrong.body.lastError).toMatch(/does not hold the value/);

    // Not active: the domain is nobody's portal, and no certificate is issued for it.
    const portal = await at(domain, 'GET', '/api/v1/portal');
    expect(portal.status).toBe(404);
    expect(JSON.stringify(portal.body)).not.toContain(a.slug);
    expect((await at('proxy', 'GET', `/api/v1/portal/tls-allowed?domain=${domain}`)).status).toBe(404);
    expect(await domainRows(a.tenantId)).toEqual([{ hostname: domain, status: 'pending' }]);
    expect(await auditActions(a.tenantId)).toEqual(['portal_domain.added', 'portal_domain.check_failed', 'portal_domain.check_failed']);
  });

  it('activates the domain when the TXT record holds the token; the domain then serves the agency', async () => {
    const [pending] = (await stack.api.get('/api/v1/domains', a.owner.token)).body.domains;
    dns.setTxt(`_candor-verify.${domain}`, ['v=spf1 -all', pending.txtRecord.value]);
    const verified = await stack.api.post(`/api/v1/domains/${pending.id}/verify`, {}, a.owner.token);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ status: 'active', lastError: null });
    expect(verified.body.verifiedAt).toEqual(expect.any(String));

    expect(await at(domain, 'GET', '/api/v1/portal')).toMatchObject({ status: 200, body: { slug: a.slug, name: `Tenant ${a.slug}` } });
    expect(await at(`${domain.toUpperCase()}:443`, 'GET', '/api/v1/portal')).toMatchObject({ status: 200, body: { slug: a.slug } });
    expect((await at('proxy', 'GET', `/api/v1/portal/tls-allowed?domain=${domain}`)).status).toBe(200);
    expect((await at('proxy', 'GET', `/api/v1/portal/tls-allowed?domain=${b.slug}.${BASE}`)).status).toBe(200);
    expect((await at('proxy', 'GET', `/api/v1/portal/tls-allowed?domain=nobody.${BASE}`)).status).toBe(404);
    expect((await at('proxy', 'GET', '/api/v1/portal/tls-allowed?domain=unknown.example')).status).toBe(404);
    expect((await at('proxy', 'GET', '/api/v1/portal/tls-allowed')).status).toBe(404);

    const overview = await stack.api.get('/api/v1/domains', a.owner.token);
    expect(overview.body).toMatchObject({
      slug: a.slug,
      address: `https://${domain}`,
      slugAddress: `http://candor.test/a/${a.slug}`,
      subdomainAddress: `http://${a.slug}.${BASE}`,
    });
    // Emails link to the agency's address: its domain, else its subdomain.
    expect(await invitationLink(a)).toMatch(new RegExp(`^https://${domain.replace(/\./g, '\\.')}/accept-invite\\?`));
    expect(await invitationLink(b)).toMatch(new RegExp(`^http://${b.slug}\\.agencies\\.test/accept-invite\\?`));
    expect(await auditActions(a.tenantId)).toContain('portal_domain.verified');
  });

  it('finds the agency by subdomain and by slug path; an unknown host or slug answers 404 with no agency data', async () => {
    expect(await at(`${b.slug}.${BASE}`, 'GET', '/api/v1/portal')).toMatchObject({
      status: 200,
      body: { slug: b.slug, name: `Tenant ${b.slug}`, brand: { customized: false, logoUrl: null } },
    });
    // The login page at the address wears the agency's brand once it has one.
    const brand = { displayName: 'Fjord Assist', primaryColor: '#1F5FA8', footerText: 'Fjord Assist AS' };
    expect((await stack.api.patch('/api/v1/brand', brand, b.owner.token)).status).toBe(200);
    expect(await stack.api.get(`/api/v1/portal?slug=${b.slug}`)).toEqual({
      status: 200,
      body: {
        slug: b.slug,
        name: `Tenant ${b.slug}`,
        brand: {
          name: 'Fjord Assist',
          primaryColor: '#1f5fa8',
          onPrimary: '#ffffff',
          logoUrl: null,
          footerText: 'Fjord Assist AS',
          customized: true,
        },
      },
    });
    for (const [host, path] of [
      ['unknown-agency.example', '/api/v1/portal'],
      [`nobody-here.${BASE}`, '/api/v1/portal'],
      ['candor.test', '/api/v1/portal?slug=nobody-here'],
      // At agency A's own address, B's slug finds nothing.
      [domain, `/api/v1/portal?slug=${b.slug}`],
    ] as const) {
      const unknown = await at(host, 'GET', path);
      expect({ host, path, status: unknown.status }).toEqual({ host, path, status: 404 });
      expect(JSON.stringify(unknown.body)).not.toMatch(new RegExp(`${a.slug}|${b.slug}|Tenant`));
    }
    expect((await stack.api.get('/api/v1/portal?slug=Not_A_Slug')).status).toBe(400);
  });

  it("signs in at an agency's address to that agency only, whatever workspace the form names", async () => {
    const login = (host: string, body: Record<string, string>) => at(host, 'POST', '/api/v1/auth/login', undefined, body);
    const aOwner = { email: a.owner.email, password: PASSWORD };
    const own = await login(`${a.slug}.${BASE}`, aOwner);
    expect(own.status).toBe(200);
    expect((await stack.api.get('/api/v1/me', own.body?.['accessToken'] as string)).body.tenant.id).toBe(a.tenantId);
    // A's owner has no place at B's address, and naming A there does not help.
    expect((await login(`${b.slug}.${BASE}`, aOwner)).status).toBe(401);
    expect((await login(`${b.slug}.${BASE}`, { ...aOwner, tenantSlug: a.slug })).status).toBe(401);
    expect((await login(domain, { ...aOwner, tenantSlug: b.slug })).status).toBe(401);
  });

  it("never serves one agency's data at another agency's address, even with a valid token", async () => {
    expect(await at(domain, 'GET', '/api/v1/me', a.owner.token)).toMatchObject({ status: 200, body: { tenant: { id: a.tenantId } } });
    const bAtA = await at(domain, 'GET', '/api/v1/me', b.owner.token);
    expect(bAtA.status).toBe(404);
    expect(JSON.stringify(bAtA.body)).not.toContain(b.tenantId);
    expect((await at(`${a.slug}.${BASE}`, 'GET', '/api/v1/client-accounts', b.owner.token)).status).toBe(404);
    expect((await at(`${b.slug}.${BASE}`, 'GET', '/api/v1/me', b.owner.token)).status).toBe(200);
    // The web address and other hosts serve every agency's own sessions.
    expect((await at('candor.test', 'GET', '/api/v1/me', b.owner.token)).status).toBe(200);

    // B cannot take A's domain, see it, or change it.
    const taken = await stack.api.post('/api/v1/domains', { hostname: domain }, b.owner.token);
    expect(taken.status).toBe(409);
    expect(taken.body.message).toBe("This domain already serves another agency's portal.");
    const [aDomain] = (await stack.api.get('/api/v1/domains', a.owner.token)).body.domains;
    expect((await stack.api.get('/api/v1/domains', b.owner.token)).body.domains).toEqual([]);
    expect((await stack.api.post(`/api/v1/domains/${aDomain.id}/verify`, {}, b.owner.token)).status).toBe(404);
    expect((await stack.api.delete(`/api/v1/domains/${aDomain.id}`, b.owner.token)).status).toBe(404);
    expect(await domainRows(b.tenantId)).toEqual([]);
  });

  it('removing the domain falls back to the subdomain: the domain serves nothing, emails link to the subdomain', async () => {
    const [aDomain] = (await stack.api.get('/api/v1/domains', a.owner.token)).body.domains;
    expect((await stack.api.delete(`/api/v1/domains/${aDomain.id}`, a.owner.token)).status).toBe(204);
    expect((await at(domain, 'GET', '/api/v1/portal')).status).toBe(404);
    expect((await at('proxy', 'GET', `/api/v1/portal/tls-allowed?domain=${domain}`)).status).toBe(404);
    expect((await at(domain, 'GET', '/api/v1/me', b.owner.token)).status).toBe(200);
    expect(await invitationLink(a)).toMatch(new RegExp(`^http://${a.slug}\\.agencies\\.test/accept-invite\\?`));
    expect((await stack.api.get('/api/v1/domains', a.owner.token)).body).toMatchObject({
      address: `http://${a.slug}.${BASE}`,
      domains: [],
    });
    expect(await auditActions(a.tenantId)).toEqual([
      'portal_domain.added',
      'portal_domain.check_failed',
      'portal_domain.check_failed',
      'portal_domain.verified',
      'portal_domain.removed',
    ]);
    // Now free, B may claim it (pending until B proves it).
    expect((await stack.api.post('/api/v1/domains', { hostname: domain }, b.owner.token)).status).toBe(201);
  });
});
