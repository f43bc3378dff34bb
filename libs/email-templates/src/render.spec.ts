import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmailRenderer, LOCALES_DIR } from './render';

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
});
