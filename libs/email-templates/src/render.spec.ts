import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmailRenderer, LOCALES_DIR, TEMPLATE_NAMES } from './render';

const vars = {
  inviterName: 'Ada',
  tenantName: 'Northwind VAs',
  role: 'client_admin',
  clientName: 'Acme <Ltd>',
  acceptUrl: 'https://app.example/accept?token=abc',
  expiresAt: '2026-12-01',
};

describe('EmailRenderer', () => {
  it('renders the invitation in English and German with the link', async () => {
    const renderer = await EmailRenderer.create();
    const en = renderer.render('invitation', 'en', vars);
    expect(en.subject).toBe('Ada invited you to Northwind VAs on Candor');
    expect(en.text).toContain('the main contact of Acme <Ltd>');
    expect(en.text).toContain(vars.acceptUrl);
    expect(en.html).toContain('Acme &lt;Ltd&gt;');
    const de = renderer.render('invitation', 'de', vars);
    expect(de.subject).toBe('Ada hat Sie zu Northwind VAs auf Candor eingeladen');
  });

  it('falls back to English for a locale without a catalog', async () => {
    const renderer = await EmailRenderer.create();
    expect(renderer.render('invitation', 'fr', vars).subject).toContain('invited you');
  });

  it('takes a new locale from a file alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'locales-'));
    writeFileSync(join(dir, 'en.json'), readFileSync(join(LOCALES_DIR, 'en.json')));
    writeFileSync(join(dir, 'nb.json'), JSON.stringify({ invitation: { subject: '{{inviterName}} inviterte deg' } }));
    const renderer = await EmailRenderer.create(dir);
    expect(renderer.locales.sort()).toEqual(['en', 'nb']);
    expect(renderer.render('invitation', 'nb', vars).subject).toBe('Ada inviterte deg');
  });

  it('refuses an unknown template', async () => {
    const renderer = await EmailRenderer.create();
    expect(() => renderer.render('nope', 'en', vars)).toThrow('unknown email template');
  });

  it('renders every template in every catalog without a missing key', async () => {
    const renderer = await EmailRenderer.create();
    const all = { ...vars, recipientName: 'Ana', engagementName: 'Inbox care', weekStart: '2026-11-16', hours: '12.50', url: 'https://app.example/x' };
    for (const template of TEMPLATE_NAMES) {
      for (const locale of renderer.locales) {
        const email = renderer.render(template, locale, all);
        const keys = [...TEMPLATE_NAMES, 'layout'].filter((name) => `${email.subject}\n${email.text}`.includes(`${name}.`));
        expect({ template, locale, untranslatedKeys: keys }).toEqual({ template, locale, untranslatedKeys: [] });
      }
    }
  });

  it('describes an offer in words of its kind', async () => {
    const renderer = await EmailRenderer.create();
    const email = renderer.render('offer_made', 'en', { tenantName: 'Northwind', engagementName: 'Inbox', offerKind: 'credit', value: '25.00', currency: 'EUR', expiresAt: '2026-12-01', url: 'https://x' });
    expect(email.subject).toBe('Northwind offers you a credit of EUR 25.00');
    expect(renderer.render('offer_made', 'de', { offerKind: 'discount_next_project', value: '10', tenantName: 'N' }).subject).toBe('N bietet Ihnen 10 % Rabatt auf Ihr nächstes Projekt an');
  });

  it('tells a client a disputed week came back, by name', async () => {
    const renderer = await EmailRenderer.create();
    const email = renderer.render('week_submitted', 'en', { recipientName: 'Cleo', engagementName: 'Inbox', weekStart: '2026-11-16', hours: '3.00', resubmitted: true, url: 'https://x' });
    expect(email.subject).toBe('Inbox: the team answered your questions on the week of 2026-11-16');
    expect(email.text).toMatch(/^Hello Cleo,/);
  });
});

describe('sign-in and account emails', () => {
  const names = ['email_confirm', 'signup_existing', 'password_reset', 'magic_link', 'email_change_confirm', 'email_change_notice', 'password_changed'];
  const vars = { recipientName: 'Ana', tenantName: 'Northwind', url: 'https://app.example/magic?token=t0k', code: '493021', newEmail: 'new@example.com', expiresMinutes: 15, expiresHours: 24 };

  it('exist in all six languages, each in its own words, with the link and the code', async () => {
    const renderer = await EmailRenderer.create();
    for (const name of names) {
      const english = renderer.render(name, 'en', vars);
      for (const locale of ['de', 'nb', 'ja', 'zh-Hant', 'ar']) {
        const email = renderer.render(name, locale, vars);
        expect({ name, locale, translated: email.subject !== english.subject }).toEqual({ name, locale, translated: true });
        expect(email.text).toContain(vars.url);
      }
    }
    const magic = renderer.render('magic_link', 'ja', vars);
    expect(magic.subject).toContain('493021');
    expect(magic.text).toContain('15');
  });
});
