import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmailRenderer, LOCALES_DIR, TEMPLATE_NAMES } from './render';

/** Every kind of line a digest's "waiting for you" section has (the worker's repository names them). */
const WAITING_KINDS = [
  'disclosure_acknowledgement',
  'remedy_sign_off',
  'offer_answer',
  'week_approval',
  'deliverable_approval',
  'check_in_answer',
  'draft_review',
  'disputed_entries',
  'remedy_changes',
  'revision_acceptance',
  'check_in_due',
  'retrospective_due',
];

const vars = {
  inviterName: 'Ada',
  tenantName: 'Northwind VAs',
  role: 'client_admin',
  clientName: 'Acme <Ltd>',
  acceptUrl: 'https://app.example/accept?token=abc',
  expiresAt: '2026-12-01T12:00:00.000Z',
};

/** Every field any template reads, with names and values that read the same in every language. */
const everything = {
  ...vars,
  recipientName: 'Ana',
  endpointUrl: 'https://hooks.example/candor',
  failingDays: 5,
  engagementName: 'Inbox',
  assistantName: 'Bo',
  actorName: 'Cy',
  weekStart: '2026-11-16',
  hours: '12.50',
  disputedCount: 3,
  comments: '#1',
  limitHours: 10,
  startedAt: '2026-11-28 12:00 UTC',
  threshold: 80,
  usedHours: '32',
  hoursPerMonth: 40,
  offerKind: 'free_hours',
  value: '2',
  currency: 'EUR',
  category: 'copy_error',
  severity: 'high',
  discoveredAt: '2026-11-28T08:00:00Z',
  whatHappened: '#2',
  impact: '#3',
  apology: '#4',
  remedyPlan: '#5',
  remedyDue: '2026-12-02T17:00:00Z',
  round: 2,
  resolutionSummary: '#6',
  preventionSummary: '#7',
  comment: '#8',
  level: 2,
  deadlineHours: 24,
  note: '#9',
  reason: '#10',
  dueAt: '2026-12-03T09:30:00Z',
  versionNumber: 2,
  versionKind: 'correction',
  changeSummary: '#11',
  roundNumber: 2,
  roundsIncluded: 3,
  deliverableTitle: 'Deck',
  deliverableUrl: 'https://app.example/d',
  url: 'https://app.example/x',
  count: 2,
  expiresHours: 24,
  expiresMinutes: 15,
  code: '123456',
  newEmail: 'new@example.test',
  number: 'INV-2026-0007',
  invoiceNumber: 'INV-2026-0006',
  total: '1238.70',
  amount: '250.00',
  amountDue: '988.70',
  dueDate: '2026-04-14',
  items: [
    {
      actorName: 'Cy',
      comment: '#12',
      template: 'week_approved',
      payload: { clientName: 'Acme', weekStart: '2026-11-16', engagementName: 'Inbox', url: 'https://app.example/w' },
    },
  ],
  waitingCount: 14,
  waiting: WAITING_KINDS.map((kind, i) => ({
    kind,
    url: `https://app.example/w${i}`,
    engagementName: 'Inbox',
    deliverableTitle: 'Deck',
    weekStart: '2026-11-16',
    count: 3,
  })),
};

let renderer: EmailRenderer;
beforeAll(async () => {
  renderer = await EmailRenderer.create();
});

type Catalog = { [key: string]: string | Catalog };
const catalog = (locale: string): Catalog => JSON.parse(readFileSync(join(LOCALES_DIR, `${locale}.json`), 'utf8')) as Catalog;
const flatten = (c: Catalog, prefix = ''): Record<string, string> =>
  Object.fromEntries(
    Object.entries(c).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v]] : Object.entries(flatten(v, `${prefix}${k}.`)))),
  );
const PLURAL = /_(zero|one|two|few|many|other)$/;
/** Words spelt the same in English and another of our languages, and the product's name. */
const COGNATES = ['Version', 'Candor'];
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('EmailRenderer', () => {
  it('has the six languages', () => {
    expect(renderer.locales.sort()).toEqual(['ar', 'de', 'en', 'ja', 'nb', 'zh-Hant']);
  });

  it('renders the invitation in English and German with the link', () => {
    const en = renderer.render('invitation', 'en', vars);
    expect(en.subject).toBe('Ada invited you to Northwind VAs on Candor');
    expect(en.text).toContain('the main contact of Acme <Ltd>');
    expect(en.text).toContain(vars.acceptUrl);
    expect(en.html).toContain('Acme &lt;Ltd&gt;');
    expect(en.html).not.toContain('Acme <Ltd>');
    const de = renderer.render('invitation', 'de', vars);
    expect(de.subject).toBe('Ada hat Sie zu Northwind VAs auf Candor eingeladen');
    expect(de.text).toContain('1. Dez. 2026');
  });

  it('falls back to English for a locale without a catalog', () => {
    expect(renderer.render('invitation', 'fr', vars).subject).toContain('invited you');
  });

  it('takes a new locale from a file alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'locales-'));
    writeFileSync(join(dir, 'en.json'), readFileSync(join(LOCALES_DIR, 'en.json')));
    writeFileSync(join(dir, 'fr.json'), JSON.stringify({ invitation: { subject: '{{inviterName}} vous invite' } }));
    const custom = await EmailRenderer.create(dir);
    expect(custom.locales.sort()).toEqual(['en', 'fr']);
    expect(custom.render('invitation', 'fr', vars).subject).toBe('Ada vous invite');
  });

  it('refuses an unknown template', () => {
    expect(() => renderer.render('nope', 'en', vars)).toThrow('unknown email template');
  });

  it('has every key of the English catalog in every catalog, with the plural forms of its language', () => {
    const reference = flatten(catalog('en'));
    for (const locale of renderer.locales.filter((l) => l !== 'en')) {
      const own = flatten(catalog(locale));
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      const expected = new Set<string>();
      for (const key of Object.keys(reference)) {
        if (PLURAL.test(key)) for (const c of categories) expected.add(key.replace(PLURAL, `_${c}`));
        else expected.add(key);
      }
      const missing = [...expected].filter((key) => !(key in own));
      expect({ locale, missing }).toEqual({ locale, missing: [] });
    }
  });

  it('renders every template in every locale without a missing key, a raw placeholder or English text', () => {
    // English sentences of the reference catalog, without their placeholders: none may appear in another language.
    const english = Object.values(flatten(catalog('en')))
      .flatMap((text) =>
        text
          .replace(/\$t\([^)]*\)/g, '\u0000')
          .replace(/\{\{[^}]*\}\}/g, '\u0000')
          .split('\u0000'),
      )
      .map((part) => part.trim())
      // Bits between two placeholders such as "for" or "of" are too short to tell a language by.
      .filter((part) => /\p{L}{5}|\p{L}{2,} \p{L}{2,}/u.test(part) && !COGNATES.includes(part.replace(/[^\p{L} ]/gu, '').trim()));
    for (const template of TEMPLATE_NAMES) {
      for (const locale of renderer.locales) {
        const email = renderer.render(template, locale, everything, { timeZone: 'Europe/Oslo', unsubscribeUrl: 'https://app.example/u' });
        const shown = `${email.subject}\n${email.text}`;
        const keys = [...TEMPLATE_NAMES, 'layout', 'units', 'offers', 'categories', 'severities'].filter((name) =>
          shown.includes(`${name}.`),
        );
        const raw = shown.match(/\{\{|\$t\(|undefined|\[object/g) ?? [];
        const leaked =
          locale === 'en'
            ? []
            : english.filter((sentence) => new RegExp(`(^|[^\\p{L}])${escapeRegExp(sentence)}($|[^\\p{L}])`, 'u').test(shown));
        expect({ template, locale, keys, raw, leaked }).toEqual({ template, locale, keys: [], raw: [], leaked: [] });
      }
    }
  });

  it('writes Arabic right to left and the others left to right, in the layout from MJML', () => {
    for (const locale of renderer.locales) {
      const { html } = renderer.render('week_approved', locale, everything);
      expect(html).toContain(`lang="${locale}"`);
      expect(html).toContain(locale === 'ar' ? 'dir="rtl"' : 'dir="ltr"');
      expect(html).toContain('<meta name="viewport"');
    }
    expect(renderer.render('week_approved', 'ar', everything).html).toContain('text-align:right');
  });

  it('asks no third party for fonts, and sends the layout without its indentation (Outlook comments kept)', () => {
    const { html } = renderer.render('week_approved', 'en', everything);
    expect(html).not.toContain('fonts.googleapis.com');
    expect(html).not.toMatch(/<link[^>]+stylesheet/);
    expect(html).toContain('Roboto');
    expect(html).toContain('<!--[if mso]>');
    expect(html.split('\n').filter((line) => /^[ \t]/.test(line))).toEqual([]);
  });

  it.each([
    ['en', 'disputed 1 entry of', 'disputed 5 entries of'],
    ['de', 'hat 1 Eintrag der', 'hat 5 Einträge der'],
    ['nb', 'bestred 1 føring i', 'bestred 5 føringer i'],
    ['ja', '1 件の記録', '5 件の記録'],
    ['zh-Hant', '1 筆紀錄', '5 筆紀錄'],
    ['ar', 'إدخال واحد', '5 إدخالات'],
  ])('says one and many in %s through the plural rules', (locale, one, many) => {
    expect(renderer.render('week_disputed', locale, { ...everything, disputedCount: 1 }).subject).toContain(one);
    expect(renderer.render('week_disputed', locale, { ...everything, disputedCount: 5 }).subject).toContain(many);
  });

  it("uses Arabic's two, few and many forms", () => {
    const subject = (n: number) => renderer.render('week_disputed', 'ar', { ...everything, disputedCount: n }).subject;
    expect(subject(2)).toContain('إدخالين');
    expect(subject(3)).toContain('3 إدخالات');
    expect(subject(11)).toContain('11 إدخالًا');
    expect(subject(100)).toContain('100 إدخال ');
    const hours = (n: string) => renderer.render('week_submitted', 'ar', { ...everything, hours: n }).text;
    expect(hours('1')).toContain('ساعة واحدة');
    expect(hours('2')).toContain('ساعتان');
  });

  it("shows the same moment in each reader's time zone, naming the zone", () => {
    const event = { ...everything, dueAt: '2026-11-28T20:30:00Z' };
    const tokyo = renderer.render('deliverable_late', 'en', event, { timeZone: 'Asia/Tokyo' }).subject;
    const la = renderer.render('deliverable_late', 'en', event, { timeZone: 'America/Los_Angeles' }).subject;
    expect(tokyo).toContain('Nov 29, 2026, 5:30 AM GMT+9');
    expect(la).toContain('Nov 28, 2026, 12:30 PM PST');
    expect(renderer.render('deliverable_late', 'ja', event, { timeZone: 'Asia/Tokyo' }).subject).toContain('2026年11月29日 5:30 JST');
  });

  it("describes an offer in words of its kind, with money in the reader's format", () => {
    const offer = {
      tenantName: 'Northwind',
      engagementName: 'Inbox',
      offerKind: 'credit',
      value: '1250.00',
      currency: 'EUR',
      expiresAt: '2026-12-01T00:00:00Z',
      url: 'https://x',
    };
    expect(renderer.render('offer_made', 'en', offer).subject).toBe('Northwind offers you a credit of €1,250.00');
    expect(renderer.render('offer_made', 'de', offer).subject).toBe('Northwind bietet Ihnen eine Gutschrift über 1.250,00\u00a0€ an');
    expect(renderer.render('offer_made', 'de', { offerKind: 'discount_next_project', value: '10', tenantName: 'N' }).subject).toBe(
      'N bietet Ihnen 10 % Rabatt auf Ihr nächstes Projekt an',
    );
    expect(renderer.render('offer_made', 'en', { ...offer, offerKind: 'free_hours', value: '1' }).subject).toBe(
      'Northwind offers you 1 free hour of work',
    );
  });

  it('tells a client a disputed week came back, by name', () => {
    const email = renderer.render('week_submitted', 'en', {
      recipientName: 'Cleo',
      engagementName: 'Inbox',
      weekStart: '2026-11-16',
      hours: '3.00',
      resubmitted: true,
      url: 'https://x',
    });
    expect(email.subject).toBe('Inbox: the team answered your questions on the week of November 16, 2026');
    expect(email.text).toMatch(/^Hello Cleo,/);
    expect(email.text).toContain('(3 hours in all)');
  });

  it('adds the one-click unsubscribe headers and footer link only when asked', () => {
    const plain = renderer.render('disclosure_comment', 'nb', everything);
    expect(plain.headers).toBeUndefined();
    const email = renderer.render('disclosure_comment', 'nb', everything, {
      unsubscribeUrl: 'https://app.example/unsubscribe?token=t',
      oneClickUrl: 'https://app.example/api/v1/unsubscribe?token=t',
    });
    expect(email.headers).toEqual({
      'List-Unsubscribe': '<https://app.example/api/v1/unsubscribe?token=t>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    expect(email.text).toContain('Meld deg av denne typen e-post: https://app.example/unsubscribe?token=t');
    expect(email.html).toContain('href="https://app.example/unsubscribe?token=t"');
  });

  it('lists a digest by the subjects of the emails it holds, each a link', () => {
    const email = renderer.render(
      'daily_digest',
      'de',
      { ...everything, count: 1, waitingCount: 0, waiting: [] },
      { timeZone: 'Europe/Berlin' },
    );
    expect(email.subject).toBe('Ihre tägliche Übersicht von Northwind VAs: 1 Neuigkeit');
    expect(email.text).toContain('- Acme hat die Woche ab 16. November 2026 freigegeben (Inbox) https://app.example/w');
    expect(email.html).toContain('<a href="https://app.example/w">');
  });

  it('lists what waits for the reader under its own heading, each a link, counted by the plural rules', () => {
    const waiting = [
      { kind: 'remedy_sign_off', url: 'https://app.example/r', engagementName: 'Inbox', deliverableTitle: null, weekStart: null, count: 1 },
      {
        kind: 'disputed_entries',
        url: 'https://app.example/d',
        engagementName: 'Inbox',
        deliverableTitle: null,
        weekStart: '2026-11-16',
        count: 2,
      },
    ];
    const both = renderer.render('daily_digest', 'en', { ...everything, count: 1, waitingCount: 3, waiting });
    expect(both.subject).toBe('Your daily summary from Northwind VAs: 1 update, 3 things waiting for you');
    expect(both.text).toContain('What happened:\n- Acme approved the week of November 16, 2026 (Inbox) https://app.example/w');
    expect(both.text).toContain('Waiting for you:\n- Sign off the proposed remedy for Inbox https://app.example/r');
    expect(both.text).toContain('- Answer 2 disputed entries in the week of November 16, 2026 (Inbox) https://app.example/d');
    expect(both.html).toContain('<a href="https://app.example/r">');
    const one = renderer.render('daily_digest', 'en', {
      ...everything,
      count: 0,
      items: [],
      waitingCount: 1,
      waiting: [{ ...waiting[1], count: 1 }],
    });
    expect(one.subject).toBe('Your daily summary from Northwind VAs: 1 thing waiting for you');
    expect(one.text).toContain('Answer 1 disputed entry in');
    expect(one.text).not.toContain('What happened');
    const ar = (n: number) =>
      renderer.render('daily_digest', 'ar', {
        ...everything,
        count: 0,
        items: [],
        waitingCount: n,
        waiting: [{ ...waiting[1], count: n }],
      });
    expect(ar(2).subject).toContain('أمران بانتظارك');
    expect(ar(2).text).toContain('الرد على إدخالين');
    expect(ar(3).text).toContain('3 إدخالات');
    expect(renderer.render('daily_digest', 'ja', { ...everything, count: 3, waitingCount: 2, waiting }).subject).toBe(
      'Northwind VAs からの本日のまとめ：3 件のお知らせ、対応待ち 2 件',
    );
  });
});

describe('sign-in and account emails', () => {
  const names = [
    'email_confirm',
    'signup_existing',
    'password_reset',
    'magic_link',
    'email_change_confirm',
    'email_change_notice',
    'password_changed',
  ];
  const vars = {
    recipientName: 'Ana',
    tenantName: 'Northwind',
    url: 'https://app.example/magic?token=t0k',
    code: '493021',
    newEmail: 'new@example.com',
    expiresMinutes: 15,
    expiresHours: 24,
  };

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
