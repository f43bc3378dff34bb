import { addMember, createClientAccount, createEngagement, signUpTenant, type TenantFixture } from '../support/factories';
import { waitForEmailWhere } from '../support/mail-sink';
import { screenshot, seriousAccessibilityProblems, waitForHeading } from './support/browser';
import { startPortal, type Portal } from './support/portal';

/** Per language: the profile page's heading, its save button, and a phrase of the offer email's subject. */
const LANGUAGES = [
  { locale: 'de', heading: 'Ihr Profil', save: 'Speichern', subject: 'bietet Ihnen' },
  { locale: 'nb', heading: 'Profilen din', save: 'Lagre', subject: 'tilbyr deg' },
  { locale: 'ja', heading: 'プロフィール', save: '保存', subject: 'のご提案' },
  { locale: 'zh-Hant', heading: '個人資料', save: '儲存', subject: '向您提供' },
  { locale: 'ar', heading: 'ملفك الشخصي', save: 'حفظ', subject: 'يقدّم لك' },
  { locale: 'en', heading: 'Your profile', save: 'Save', subject: 'offers you' },
];

describe('the profile page in six languages, and the emails that follow', () => {
  let portal: Portal;
  let tenant: TenantFixture;
  let clientAdmin: { email: string; token: string; userId: string };
  let disclosureId: string;

  beforeAll(async () => {
    portal = await startPortal();
    const { api } = portal.stack;
    tenant = await signUpTenant(api, { tenantName: 'Lumen Assist' });
    const clientId = await createClientAccount(api, tenant.owner.token, 'Kirsebær AS');
    clientAdmin = await addMember(api, tenant.owner.token, 'client_admin', clientId);
    const engagement = await createEngagement(api, tenant.owner.token, clientId);
    const draft = await api.post(
      '/api/v1/disclosures',
      {
        engagementId: engagement.id,
        category: 'missed_deadline',
        severity: 'low',
        occurredAt: '2026-11-20T09:00:00Z',
        discoveredAt: new Date(Date.now() - 600_000).toISOString(),
        whatHappened: 'The report came a day late.',
        impact: 'The board meeting had the old figures.',
        apology: 'We are sorry for the delay.',
      },
      tenant.owner.token,
    );
    disclosureId = draft.body.id;
    expect((await api.post(`/api/v1/disclosures/${disclosureId}/disclose`, {}, tenant.owner.token)).status).toBe(200);
  });
  afterAll(() => portal.close());

  it('saves each language on the profile, shows the page in it, and the next email arrives in it', async () => {
    const page = await portal.visit(clientAdmin.email);
    await page.goto(`${portal.web.url}/profile`);
    await waitForHeading(page, 'Your profile');
    // The client's required emails offer no "off", and say why.
    const required = page.getByTestId('preference-disclosure_disclosed');
    await required.getByText('cannot be turned off').waitFor();
    expect(await required.getByRole('radio').count()).toBe(2);
    // A digestible one: the choice is kept.
    const digest = page.getByTestId('preference-offer_expiring').getByRole('radio', { name: 'Daily digest' });
    await digest.check();
    expect(await digest.isChecked()).toBe(true);

    const form = page.locator('form').first();
    await form.locator('select').nth(1).selectOption('Asia/Tokyo');
    let offers = 0;
    for (const { locale, heading, save, subject } of LANGUAGES) {
      await form.locator('select').first().selectOption(locale);
      await form.locator('button[type="submit"]').click();
      await waitForHeading(page, heading);
      await form.getByRole('button', { name: save }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe(locale);
      expect(await page.locator('html').getAttribute('dir')).toBe(locale === 'ar' ? 'rtl' : 'ltr');
      if (locale === 'ar' || locale === 'en') {
        expect(await seriousAccessibilityProblems(page)).toEqual([]);
        await screenshot(page, `profile-${locale}-1280`);
      }

      offers += 1;
      const offered = await portal.stack.api.post(
        `/api/v1/disclosures/${disclosureId}/offers`,
        { kind: 'free_hours', value: String(offers), expiresAt: '2026-12-24T20:30:00Z' },
        tenant.owner.token,
      );
      expect(offered.status).toBe(201);
      const email = await waitForEmailWhere(
        clientAdmin.email,
        `in ${locale}`,
        (e) => e.subject.includes(subject) && e.html.includes(`lang="${locale}"`),
      );
      if (locale === 'ar') expect(email.html).toContain('dir="rtl"');
      // The deadline is in the reader's zone, Tokyo: 25 December there.
      expect(email.text).toMatch(locale === 'en' ? /Dec 25, 2026, 5:30 AM GMT\+9/ : /25|٢٥/);
    }
    expect((await portal.stack.api.get('/api/v1/me', clientAdmin.token)).body.user).toMatchObject({ locale: 'en', timeZone: 'Asia/Tokyo' });
    const preferences = (await portal.stack.api.get('/api/v1/me/notification-preferences', clientAdmin.token)).body as {
      event: string;
      mode: string;
    }[];
    expect(preferences).toContainEqual({ event: 'offer_expiring', mode: 'digest', required: false });
  }, 300_000);
});
