import { parse } from 'csv-parse/sync';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LABELS, type InvoiceLocale } from '@candor/invoice-documents';
import { logoPng, sendMultipart } from '@candor/testing';
import { addMember, createClientAccount, expectStatus, signUpTenant } from '../support/factories';
import { engagementOf, startInvoiceTeam, type InvoiceTeam } from '../support/invoice-team';
import { startStack, type Stack } from '../support/stack';

/** A period with no time logged: the drafts hold only the lines added by hand. */
const PERIOD = { periodStart: '2019-01-01', periodEnd: '2019-01-31' };
/** Setup 1 item x 100 + Inbox care 2.5 h x 40 = 200.00; tax 20 % = 40.00; total 240.00 (EUR). */
const LINES = [
  { description: 'Setup', quantity: '1', unit: 'item', unitPrice: '100' },
  { description: 'Inbox care', quantity: '2.5', unit: 'hour', unitPrice: '40' },
];

type Download = { status: number; type: string; disposition: string; bytes: Buffer; json: any };

/** The text pdf.js reads back (the library's script, in a child process: pdfjs-dist is ES modules only). */
function pdfText(pdf: Buffer, keepAs: string): string {
  // Kept for a person to look at (`pdftoppm -png -r 80 file.pdf page`), beside the library's own samples.
  const folder = join(tmpdir(), 'candor-pdf');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, `${keepAs}.pdf`), pdf);
  const script = join(__dirname, '..', '..', 'libs', 'invoice-documents', 'scripts', 'pdf-text.mjs');
  const out = execFileSync(process.execPath, [script], { input: pdf, maxBuffer: 16 * 1024 * 1024 });
  return (JSON.parse(out.toString('utf8')) as { pages: { text: string }[] }).pages.map((p) => p.text).join('\n');
}

/** Compared without layout: Arabic presentation forms folded (NFKC), no white space, no bidi marks. */
const flat = (text: string): string => text.normalize('NFKC').replace(/[\s\u061C\u200E\u200F\u2066-\u2069]/gu, '');
const money = (locale: InvoiceLocale, amount: number) =>
  new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(amount);
/** The figure alone: a right-to-left line may put the currency sign on either side of it once laid out. */
const figure = (locale: InvoiceLocale, amount: number) => new Intl.NumberFormat(locale, { minimumFractionDigits: 2 }).format(amount);

describe('invoice documents: the PDF and the accounting CSV', () => {
  let stack: Stack;
  let team: InvoiceTeam;
  const owner = () => team.tenant.owner.token;

  async function download(path: string, token: string): Promise<Download> {
    const response = await fetch(new URL(path, stack.api.baseUrl), { headers: { authorization: `Bearer ${token}` } });
    const bytes = Buffer.from(await response.arrayBuffer());
    const type = response.headers.get('content-type') ?? '';
    const json = type.includes('json') ? JSON.parse(bytes.toString('utf8')) : null;
    return { status: response.status, type, disposition: response.headers.get('content-disposition') ?? '', bytes, json };
  }

  /** A draft of the client account with the two lines, issued unless told otherwise; answers id and number. */
  async function invoiceOf(clientAccountId: string, issue = true): Promise<{ id: string; number: string }> {
    const { api } = stack;
    const draft = await expectStatus('draft', api.post('/api/v1/invoices', { clientAccountId, ...PERIOD }, owner()), [201]);
    const id = draft.body.id as string;
    await expectStatus('lines', api.patch(`/api/v1/invoices/${id}/lines`, { reason: 'Agreed work', add: LINES }, owner()), [200]);
    if (!issue) return { id, number: '' };
    const issued = await expectStatus('issue', api.post(`/api/v1/invoices/${id}/issue`, {}, owner()), [200]);
    return { id, number: issued.body.number as string };
  }

  /** A client account whose client_admin reads the app in `locale`, with an engagement and the tax rate. */
  async function clientIn(name: string, locale: string): Promise<{ clientId: string; adminToken: string }> {
    const clientId = await createClientAccount(stack.api, owner(), name);
    await expectStatus('tax', stack.api.patch(`/api/v1/client-accounts/${clientId}`, { taxRate: '20' }, owner()), [200]);
    await engagementOf(stack.api, team, { name: `${name} inbox`, hourlyRate: '40' }, clientId);
    const admin = await addMember(stack.api, owner(), 'client_admin', clientId);
    await expectStatus('locale', stack.api.patch('/api/v1/me', { locale }, admin.token), [200]);
    return { clientId, adminToken: admin.token };
  }

  beforeAll(async () => {
    stack = await startStack();
    team = await startInvoiceTeam(stack.api);
    await expectStatus('tax', stack.api.patch(`/api/v1/client-accounts/${team.clientId}`, { taxRate: '20' }, owner()), [200]);
    await engagementOf(stack.api, team, { name: 'Inbox', hourlyRate: '40' });
    // The brand: a display name and a PNG logo, which the PDF carries.
    await expectStatus('brand', stack.api.patch('/api/v1/brand', { displayName: 'Northwind Assistants' }, owner()), [200]);
    const logo = await sendMultipart(stack.api.baseUrl, 'PUT', '/api/v1/brand/logo', owner(), {}, [logoPng('#1f5fa8')]);
    expect(logo.status).toBe(200);
  });
  afterAll(() => stack.close());

  it('gives the client admin the PDF of an issued invoice in English, with the brand name and logo', async () => {
    const invoice = await invoiceOf(team.clientId);
    const pdf = await download(`/api/v1/invoices/${invoice.id}/pdf`, team.clientAdmin.token);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.disposition).toContain(`attachment; filename="${invoice.number}.pdf"`);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The logo is an image XObject (its dictionary is not compressed).
    expect(pdf.bytes.toString('latin1')).toContain('/Subtype /Image');
    const text = flat(pdfText(pdf.bytes, 'api-invoice-en'));
    for (const expected of [invoice.number, 'Acme Bakery', 'Northwind Assistants', LABELS.en.invoice, money('en', 240)]) {
      expect([expected, text.includes(flat(expected))]).toEqual([expected, true]);
    }
  });

  it('prints the name alone when the logo has a PNG signature but bytes pdfkit cannot read', async () => {
    const other = await startInvoiceTeam(stack.api, 'Broken Logo Ltd');
    const token = other.tenant.owner.token;
    await engagementOf(stack.api, other, { name: 'Inbox', hourlyRate: '40' });
    await expectStatus('brand', stack.api.patch('/api/v1/brand', { displayName: 'Garbled Studio' }, token), [200]);
    const good = logoPng('#1f5fa8');
    const broken = { ...good, bytes: Buffer.concat([good.bytes.subarray(0, 16), Buffer.alloc(200, 7)]) };
    expect((await sendMultipart(stack.api.baseUrl, 'PUT', '/api/v1/brand/logo', token, {}, [broken])).status).toBe(200);
    const draft = await expectStatus(
      'draft',
      stack.api.post('/api/v1/invoices', { clientAccountId: other.clientId, ...PERIOD }, token),
      [201],
    );
    const id = draft.body.id as string;
    await expectStatus('lines', stack.api.patch(`/api/v1/invoices/${id}/lines`, { reason: 'Agreed', add: LINES }, token), [200]);
    const pdf = await download(`/api/v1/invoices/${id}/pdf`, token);
    expect(pdf.status).toBe(200);
    expect(pdf.bytes.toString('latin1')).not.toContain('/Subtype /Image');
    expect(flat(pdfText(pdf.bytes, 'api-invoice-broken-logo'))).toContain('GarbledStudio');
  });

  it.each([
    ['ar', 'Dune Traders'],
    ['ja', 'Sakura Tea'],
  ] as const)('writes the PDF in %s for a client whose admin reads the app in it', async (locale, name) => {
    const client = await clientIn(name, locale);
    const invoice = await invoiceOf(client.clientId);
    const pdf = await download(`/api/v1/invoices/${invoice.id}/pdf`, client.adminToken);
    expect(pdf.status).toBe(200);
    const text = flat(pdfText(pdf.bytes, `api-invoice-${locale}`));
    for (const expected of [invoice.number, name, LABELS[locale].invoice, figure(locale, 240), '€']) {
      expect([expected, text.includes(flat(expected))]).toEqual([expected, true]);
    }
    // Not the English words.
    expect(text.includes(flat(LABELS.en.invoice))).toBe(false);
  });

  it('refuses the PDF to a client_member without the setting, to another tenant and a draft to the client (404)', async () => {
    const issued = await invoiceOf(team.clientId);
    const draft = await invoiceOf(team.clientId, false);
    const member = await download(`/api/v1/invoices/${issued.id}/pdf`, team.clientMember.token);
    expect([member.status, member.json?.message]).toEqual([404, 'Invoice not found']);
    const other = await signUpTenant(stack.api);
    expect((await download(`/api/v1/invoices/${issued.id}/pdf`, other.owner.token)).status).toBe(404);
    expect((await download(`/api/v1/invoices/${draft.id}/pdf`, team.clientAdmin.token)).status).toBe(404);
    // Staff may print a draft: it has no number yet, so the file is named by its id.
    const staffDraft = await download(`/api/v1/invoices/${draft.id}/pdf`, owner());
    expect(staffDraft.status).toBe(200);
    expect(staffDraft.disposition).toContain(`filename="draft-${draft.id}.pdf"`);
    // With the setting, the member gets it.
    await expectStatus('setting', stack.api.patch('/api/v1/tenant', { settings: { clientMembersSeeInvoices: true } }, owner()), [200]);
    expect((await download(`/api/v1/invoices/${issued.id}/pdf`, team.clientMember.token)).status).toBe(200);
    await expectStatus('setting', stack.api.patch('/api/v1/tenant', { settings: { clientMembersSeeInvoices: false } }, owner()), [200]);
  });

  it("exports the period's issued invoices as CSV, one row per line, and no draft", async () => {
    const invoice = await invoiceOf(team.clientId);
    await invoiceOf(team.clientId, false); // a draft of today, which the export leaves out
    const shown = await expectStatus('invoice', stack.api.get(`/api/v1/invoices/${invoice.id}`, owner()), [200]);
    const today = shown.body.issueDate as string;
    const csv = await download(`/api/v1/invoices/export.csv?from=${today}&to=${today}`, owner());
    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    expect(csv.disposition).toContain(`attachment; filename="invoices-${today}-${today}.csv"`);
    const records: Record<string, string>[] = parse(csv.bytes.toString('utf8'), { columns: true });
    const rows = records.filter((r) => r['number'] === invoice.number);
    const lines = shown.body.lines as { description: string; quantity: string; unit: string; unitPrice: string; amount: string }[];
    expect(rows.map((r) => [r['description'], r['quantity'], r['unit'], r['unit_price'], r['line_amount']])).toEqual(
      lines.map((l) => [l.description, l.quantity, l.unit, l.unitPrice, l.amount]),
    );
    expect(rows.map((r) => r['client'])).toEqual(['Acme Bakery', 'Acme Bakery']);
    expect(rows.map((r) => r['total'])).toEqual(['240.00', '240.00']);
    expect(records.every((r) => r['status'] !== 'draft' && r['number'] !== '')).toBe(true);
    // Another period holds none of them.
    const empty = await download('/api/v1/invoices/export.csv?from=2019-01-01&to=2019-12-31', owner());
    expect(parse(empty.bytes.toString('utf8'), { columns: true })).toEqual([]);
  });

  it.each([
    ['from=2026-13-01&to=2026-12-31', 'From must be a date written YYYY-MM-DD.'],
    ['from=2026-03-01', 'To must be a date written YYYY-MM-DD.'],
    ['from=2026-03-31&to=2026-03-01', 'The period ends before it starts: to must be on or after from'],
    ['from=2025-01-01&to=2026-03-01', 'An export covers at most 366 days; ask for a shorter period'],
  ])('refuses the period %s with 400 and a plain message', async (query, message) => {
    const answer = await download(`/api/v1/invoices/export.csv?${query}`, owner());
    expect(answer.status).toBe(400);
    expect(answer.json.message).toBe(message);
  });
});
