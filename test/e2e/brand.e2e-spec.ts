import { logoPng, sendMultipart, SAMPLE, type FilePart } from '@candor/testing';
import { addMember, createClientAccount, createEngagement, createShareLink, signUpTenant, type TenantFixture } from '../support/factories';
import { withOwner } from '../support/owner-db';
import { startStack, type Stack } from '../support/stack';

/** Issue 17: the owner's brand settings and logo, their refusals, who may change them, and the audit trail. */
describe('brand', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  const putLogo = (token: string, file: FilePart) => sendMultipart(stack.api.baseUrl, 'PUT', '/api/v1/brand/logo', token, {}, [file]);
  const auditOf = (tenantId: string) =>
    withOwner(async (db) =>
      (
        await db.query(
          `SELECT action, change FROM audit_events WHERE tenant_id = $1 AND entity_type = 'tenant_brand' ORDER BY created_at`,
          [tenantId],
        )
      ).rows.map((r: { action: string; change: Record<string, unknown> }) => r),
    );
  const brandRow = (tenantId: string) =>
    withOwner(async (db) => (await db.query(`SELECT * FROM tenant_brands WHERE tenant_id = $1`, [tenantId])).rows[0] ?? null);

  it("wears Candor's defaults until the owner sets a brand, which every member then sees", async () => {
    const t = await signUpTenant(stack.api);
    const client = await addMember(stack.api, t.owner.token, 'client_member', await createClientAccount(stack.api, t.owner.token));
    const before = await stack.api.get('/api/v1/brand', client.token);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ primaryColor: '#1f5f5b', onPrimary: '#ffffff', logoUrl: null, customized: false });
    expect(before.body.name).toMatch(/^Tenant /);

    const settings = { displayName: 'Acme Assist', primaryColor: '#1F5FA8', senderName: 'Acme Assist team', replyTo: 'hello@acme.test' };
    const patched = await stack.api.patch('/api/v1/brand', { ...settings, footerText: 'Acme Assist, 1 Main St' }, t.owner.token);
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      name: 'Acme Assist',
      primaryColor: '#1f5fa8',
      storedColor: '#1f5fa8',
      replyTo: 'hello@acme.test',
    });

    const seen = await stack.api.get('/api/v1/brand', client.token);
    expect(seen.body).toEqual({
      name: 'Acme Assist',
      primaryColor: '#1f5fa8',
      onPrimary: '#ffffff',
      logoUrl: null,
      footerText: 'Acme Assist, 1 Main St',
      customized: true,
    });
    // Null puts a default back.
    const cleared = await stack.api.patch('/api/v1/brand', { primaryColor: null }, t.owner.token);
    expect(cleared.body).toMatchObject({ primaryColor: '#1f5f5b', storedColor: null, displayName: 'Acme Assist' });

    const audit = await auditOf(t.tenantId);
    expect(audit.map((a) => a.action)).toEqual(['brand.updated', 'brand.updated']);
    expect(audit[0]!.change).toMatchObject({
      before: { primaryColor: null },
      after: { primaryColor: '#1f5fa8', replyTo: 'hello@acme.test' },
    });
  });

  it('refuses a low-contrast colour with the measured ratio and a shade that passes, writing nothing', async () => {
    const t = await signUpTenant(stack.api);
    const refused = await stack.api.patch('/api/v1/brand', { displayName: 'Pale', primaryColor: '#66a3e0' }, t.owner.token);
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(
      /^The colour #66a3e0 has a contrast of 2\.\d\d:1 against the page background; it needs at least 4\.5:1\. Try #[0-9a-f]{6}\.$/,
    );
    expect(refused.body.errors).toEqual([expect.objectContaining({ code: 'low_contrast', field: 'primaryColor' })]);
    expect(refused.body.ratio).toBeLessThan(4.5);
    const retry = await stack.api.patch('/api/v1/brand', { primaryColor: refused.body.suggestion }, t.owner.token);
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ primaryColor: refused.body.suggestion, displayName: null });

    const malformed = await stack.api.patch('/api/v1/brand', { primaryColor: 'blue', replyTo: 'not-an-address' }, t.owner.token);
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['primaryColor', 'replyTo']);
    expect((await stack.api.patch('/api/v1/brand', { senderName: 'Evil\r\nBcc: x@y.z' }, t.owner.token)).status).toBe(400);
    expect((await auditOf(t.tenantId)).length).toBe(1);
  });

  it('keeps the logo at a public, cacheable address; a replaced or removed logo falls back cleanly', async () => {
    const t = await signUpTenant(stack.api);
    const other = await signUpTenant(stack.api);
    const put = await putLogo(t.owner.token, logoPng('#1f5fa8'));
    expect(put.status).toBe(200);
    const { url, sha256, contentType } = put.body.logo;
    expect(contentType).toBe('image/png');
    expect(url).toBe(`/api/v1/brand/logo/${t.tenantId}/${sha256}`);

    const open = await fetch(new URL(url, stack.api.baseUrl));
    expect(open.status).toBe(200);
    expect(open.headers.get('content-type')).toBe('image/png');
    expect(open.headers.get('etag')).toBe(`"${sha256}"`);
    expect(open.headers.get('cache-control')).toContain('immutable');
    expect(Buffer.from(await open.arrayBuffer()).equals(logoPng('#1f5fa8').bytes)).toBe(true);
    const again = await fetch(new URL(url, stack.api.baseUrl), { headers: { 'if-none-match': `"${sha256}"` } });
    expect(again.status).toBe(304);
    // Another tenant's id with these bytes, a wrong hash, a malformed one: nothing there.
    expect((await fetch(new URL(`/api/v1/brand/logo/${other.tenantId}/${sha256}`, stack.api.baseUrl))).status).toBe(404);
    expect((await fetch(new URL(`/api/v1/brand/logo/${t.tenantId}/${'0'.repeat(64)}`, stack.api.baseUrl))).status).toBe(404);
    expect((await fetch(new URL(`/api/v1/brand/logo/${t.tenantId}/nothex`, stack.api.baseUrl))).status).toBe(400);
    const signedIn = await fetch(new URL('/api/v1/brand/logo', stack.api.baseUrl), {
      headers: { authorization: `Bearer ${t.owner.token}` },
    });
    expect(signedIn.status).toBe(200);
    expect((await stack.api.request('GET', '/api/v1/brand/logo', { token: other.owner.token })).status).toBe(404);

    const replaced = await putLogo(t.owner.token, logoPng('#8a3b12'));
    expect(replaced.body.logo.sha256).not.toBe(sha256);
    expect((await fetch(new URL(url, stack.api.baseUrl))).status).toBe(404);
    const removed = await stack.api.request('DELETE', '/api/v1/brand/logo', { token: t.owner.token });
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ logo: null, logoUrl: null });
    expect((await fetch(new URL(replaced.body.logo.url, stack.api.baseUrl))).status).toBe(404);
    expect(await brandRow(t.tenantId)).toMatchObject({ logo_key: null, logo_sha256: null });
    expect((await auditOf(t.tenantId)).map((a) => a.action)).toEqual(['brand.logo_replaced', 'brand.logo_replaced', 'brand.logo_removed']);
  });

  it('refuses an oversized logo (413) and a disguised or unsupported one (415), storing nothing', async () => {
    const t = await signUpTenant(stack.api);
    const huge = { ...logoPng('#1f5fa8'), bytes: Buffer.concat([logoPng('#1f5fa8').bytes, Buffer.alloc(600 * 1024)]) };
    expect((await putLogo(t.owner.token, huge)).status).toBe(413);
    const disguised = await putLogo(t.owner.token, { ...SAMPLE.pdf(), name: 'logo.png', type: 'image/png' });
    expect(disguised.status).toBe(415);
    const svg = {
      name: 'logo.svg',
      type: 'image/svg+xml',
      bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    };
    expect((await putLogo(t.owner.token, svg)).status).toBe(415);
    const gif = { name: 'logo.gif', type: 'image/gif', bytes: Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1') };
    const refusedGif = await putLogo(t.owner.token, gif);
    expect(refusedGif.status).toBe(415);
    expect(refusedGif.body.message).toMatch(/PNG, JPEG or WebP/);
    expect(await brandRow(t.tenantId)).toBeNull();
    expect(await auditOf(t.tenantId)).toEqual([]);
  });

  it('lets only the owner change the brand', async () => {
    const t = await signUpTenant(stack.api);
    const clientId = await createClientAccount(stack.api, t.owner.token);
    for (const role of ['manager', 'assistant', 'client_admin', 'client_member'] as const) {
      const member = await addMember(stack.api, t.owner.token, role, role.startsWith('client') ? clientId : undefined);
      expect({ role, status: (await stack.api.patch('/api/v1/brand', { displayName: 'Mine' }, member.token)).status }).toEqual({
        role,
        status: 403,
      });
      expect({ role, status: (await putLogo(member.token, logoPng('#000000'))).status }).toEqual({ role, status: 403 });
      const seen = await stack.api.get('/api/v1/brand', member.token);
      expect(seen.body).not.toHaveProperty('replyTo');
    }
    expect(await brandRow(t.tenantId)).toBeNull();
  });

  it('brands the printable report and the share-link page with the logo, colour and footer', async () => {
    const t: TenantFixture = await signUpTenant(stack.api);
    await stack.api.patch(
      '/api/v1/brand',
      { displayName: 'Acme Assist', primaryColor: '#8a3b12', footerText: 'Acme Assist, 1 Main St' },
      t.owner.token,
    );
    await putLogo(t.owner.token, logoPng('#8a3b12'));
    const engagement = await createEngagement(stack.api, t.owner.token, await createClientAccount(stack.api, t.owner.token));
    const report = await stack.api.getText(
      `/api/v1/engagements/${engagement.id}/timesheet/report?period=month&start=2026-01-01`,
      t.owner.token,
    );
    const link = await createShareLink(stack.api, t.owner.token, engagement.id, { period: 'month', start: '2026-01-01' });
    const shared = await stack.api.getText(new URL(link.url).pathname);
    for (const page of [report, shared]) {
      expect(page.contentType).toContain('text/html');
      expect(page.text).toContain('--brand: #8a3b12');
      expect(page.text).toMatch(/<img class="logo" src="data:image\/png;base64,[A-Za-z0-9+/=]+" alt="Acme Assist">/);
      expect(page.text).toContain('Acme Assist, 1 Main St');
      expect(page.text.match(/Powered by Candor/g)).toHaveLength(1);
    }
  });
});
