import MailComposer from 'nodemailer/lib/mail-composer';
import { EmailRenderer, TEMPLATE_NAMES } from '@candor/email-templates';
import { encodedBody, transferEncoding } from './transfer-encoding';

/** The message as nodemailer writes it, with the bodies' encoding left to it or decided by transferEncoding. */
function build(text: string, html: string, decided: boolean): Promise<string> {
  const body = (content: string) => (decided ? encodedBody(content) : content);
  const mail = new MailComposer({
    from: 'Candor <no-reply@candor.local>',
    to: 'ana@example.com',
    subject: 'x',
    text: body(text),
    html: body(html),
    messageId: '<fixed@candor.local>',
    date: new Date('2026-11-30T12:00:00Z'),
    baseBoundary: 'fixed',
  } as never);
  return new Promise((resolve, reject) => mail.compile().build((error, message) => (error ? reject(error) : resolve(message.toString()))));
}

const vars = {
  inviterName: 'Ada',
  tenantName: 'Northwind VAs',
  recipientName: 'Ana',
  clientName: 'Acme <Ltd>',
  engagementName: 'Inbox',
  acceptUrl: 'https://app.example/accept?token=abc',
  expiresAt: '2026-12-01T12:00:00.000Z',
  whatHappened: 'A long line of facts. '.repeat(10),
};

describe('transferEncoding', () => {
  it.each([
    ['short ASCII lines', 'Hello\nWorld', undefined],
    ['an ASCII line over 76 characters', 'a'.repeat(77), 'quoted-printable'],
    ['ASCII digits only, long', '1'.repeat(80), 'base64'],
    ['Latin with accents', 'Grüße aus Köln', 'quoted-printable'],
    ['Japanese', 'こんにちは、世界 ok', 'base64'],
    ['a control character', 'a\u0001b', 'quoted-printable'],
  ])('picks nodemailer’s encoding for %s', async (_name, content, expected) => {
    expect(transferEncoding(content)).toBe(expected);
    expect(await build(content, content, true)).toBe(await build(content, content, false));
  });

  it('leaves every rendered email byte-identical, in every locale', async () => {
    const renderer = await EmailRenderer.create();
    for (const locale of ['en', 'de', 'nb', 'ar', 'ja', 'zh-Hant']) {
      for (const template of TEMPLATE_NAMES) {
        const email = renderer.render(template, locale, vars, { timeZone: 'Europe/Oslo' });
        expect(await build(email.text, email.html, true)).toBe(await build(email.text, email.html, false));
      }
    }
  }, 30_000);
});
