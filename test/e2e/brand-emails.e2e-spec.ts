import { logoPng, sendMultipart } from '@candor/testing';
import { signUpTenant, uniqueEmail, type TenantFixture } from '../support/factories';
import { waitForEmails, type SinkEmail } from '../support/mail-sink';
import { startStack, type Stack } from '../support/stack';

interface Branded {
  tenant: TenantFixture;
  /** The logo's public path; emails carry it absolute, under the worker's WEB_URL. */
  logoPath: string;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const logoTag = (b: Branded, alt: string) => new RegExp(`<img src="https?://[^/"]+${escapeRegExp(b.logoPath)}" alt="${alt}"`);

/** Issue 17: each agency's emails carry its logo, colour, sender name and Reply-To, read back from the SMTP sink. */
describe('branded emails', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  async function brand(settings: Record<string, string>, logoColor: string): Promise<Branded> {
    const tenant = await signUpTenant(stack.api);
    expect((await stack.api.patch('/api/v1/brand', settings, tenant.owner.token)).status).toBe(200);
    const put = await sendMultipart(stack.api.baseUrl, 'PUT', '/api/v1/brand/logo', tenant.owner.token, {}, [logoPng(logoColor)]);
    expect(put.status).toBe(200);
    return { tenant, logoPath: put.body.logo.url };
  }

  async function invite(tenant: TenantFixture): Promise<SinkEmail> {
    const email = uniqueEmail('branded');
    expect((await stack.api.post('/api/v1/invitations', { email, role: 'assistant' }, tenant.owner.token)).status).toBe(201);
    const [message] = await waitForEmails(email);
    return message!;
  }

  it('sends each agency’s emails as "<sender name> <from address>" with its Reply-To, logo, colour and footer', async () => {
    const acme = await brand(
      {
        displayName: 'Acme Assist',
        primaryColor: '#1f5fa8',
        senderName: 'Acme Assist Team',
        replyTo: 'hello@acme.test',
        footerText: 'Acme Assist, 1 Main St',
      },
      '#1f5fa8',
    );
    const fjord = await brand(
      { displayName: 'Fjord Helpers', primaryColor: '#8a3b12', senderName: 'Fjord Helpers', replyTo: 'post@fjord.test' },
      '#8a3b12',
    );
    const [a, f] = await Promise.all([invite(acme.tenant), invite(fjord.tenant)]);

    expect(a.headers['from']).toBe('Acme Assist Team <no-reply@candor.local>');
    expect(a.headers['reply-to']).toBe('hello@acme.test');
    expect(a.html).toMatch(logoTag(acme, 'Acme Assist'));
    expect(a.html).toContain('#1f5fa8');
    expect(a.html).not.toContain('#8a3b12');
    expect(a.html).toContain('Acme Assist, 1 Main St');
    expect(a.html.match(/Powered by Candor/g)).toHaveLength(1);
    expect(a.subject).toContain('Acme Assist');

    expect(f.headers['from']).toBe('Fjord Helpers <no-reply@candor.local>');
    expect(f.headers['reply-to']).toBe('post@fjord.test');
    expect(f.html).toMatch(logoTag(fjord, 'Fjord Helpers'));
    expect(f.html).toContain('#8a3b12');
    expect(f.html).not.toContain('#1f5fa8');

    // The logo address in the email answers without a sign-in, from anywhere.
    const logo = await fetch(new URL(acme.logoPath, stack.api.baseUrl));
    expect(logo.status).toBe(200);
    expect(logo.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });

  it("keeps Candor's sender and look for an agency without a brand, and applies a brand change to emails not yet sent", async () => {
    const plain = await signUpTenant(stack.api);
    const email = await invite(plain);
    expect(email.headers['from']).toBe('Candor <no-reply@candor.local>');
    expect(email.headers['reply-to']).toBeUndefined();
    expect(email.html).not.toContain('Powered by Candor');
    expect(email.html).toContain('#2f5d50');

    await stack.api.patch('/api/v1/brand', { senderName: 'Now Branded', replyTo: 'desk@now.test' }, plain.owner.token);
    const later = await invite(plain);
    expect(later.headers['from']).toBe('Now Branded <no-reply@candor.local>');
    expect(later.headers['reply-to']).toBe('desk@now.test');
    expect(later.html).not.toContain('<img');
  });
});
