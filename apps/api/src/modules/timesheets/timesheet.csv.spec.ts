import type { TimesheetResponse } from './dto/timesheet.response';
import type { TimesheetLineRow } from '../work-logs/work-logs.repository';
import { csvRowLines, localDateTime, timesheetCsv } from './timesheet.csv';
import { TimesheetTotals } from './timesheet-totals';
import { timesheetHtml } from './timesheet.html';

const sheet = (notes: string): TimesheetResponse => ({
  tenantName: 'Northwind',
  engagement: { id: 'e', name: 'Inbox <care>', clientName: 'Acme', currency: 'EUR' },
  period: { kind: 'week', start: '2026-11-16', end: '2026-11-22', timeZone: 'Europe/Berlin' },
  entries: [
    {
      id: 'w',
      engagementId: 'e',
      engagementName: 'Inbox',
      assistant: { id: 'a', displayName: 'Ana' },
      source: 'manual',
      status: 'submitted',
      running: false,
      startedAt: new Date('2026-11-16T22:30:00Z'),
      endedAt: new Date('2026-11-17T00:00:00Z'),
      durationSeconds: 5400,
      hours: '1.50',
      notes,
      billable: true,
      hourlyRate: '45.00',
      currency: 'EUR',
      amount: '67.50',
      fixedAtNoCharge: false,
      weekId: null,
      adjustsId: null,
      disclosureId: null,
      autoStoppedAt: null,
      createdAt: new Date(),
      updatedAt: new Date(),
    },
  ],
  totals: {
    entryCount: 1,
    totalHours: '1.50',
    billableHours: '1.50',
    nonBillableHours: '0.00',
    fixedAtNoChargeHours: '0.00',
    billableAmount: '67.50',
  },
});

describe('timesheet exports', () => {
  it('writes local times of the tenant time zone', () => {
    expect(localDateTime(new Date('2026-11-16T23:30:00Z'), 'Europe/Berlin')).toBe('2026-11-17 00:30');
  });

  it('writes the time zone database local time minute by minute across offset changes (cached quarter-hour offsets)', () => {
    // Lord Howe moves by 30 minutes, Kathmandu sits at +05:45, Berlin and New York change at the hour; seconds included.
    const zones = ['Australia/Lord_Howe', 'Asia/Kathmandu', 'Europe/Berlin', 'America/New_York', 'Pacific/Chatham'];
    const nights = ['2026-04-04T14:00:00Z', '2026-10-03T14:00:00Z', '2026-03-29T00:00:00Z', '2026-11-01T05:00:00Z', '2026-09-26T13:00:00Z'];
    for (const timeZone of zones) {
      const format = new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' });
      for (const night of nights) {
        for (let minute = 0; minute < 8 * 60; minute += 7) {
          const at = new Date(Date.parse(night) + minute * 60_000 + 13_000);
          const [d, t] = format.format(at).split(', ');
          expect(`${timeZone} ${localDateTime(at, timeZone)}`).toBe(`${timeZone} ${d.split('/').reverse().join('-')} ${t}`);
        }
      }
    }
  });

  it('quotes commas and newlines, and defuses formula-like notes', () => {
    const csv = timesheetCsv(sheet('=HYPERLINK("x"), then\nmore'));
    expect(csv).toContain(`"'=HYPERLINK(""x""), then\nmore"`);
    expect(csv.split('\n')[1]).toMatch(/^2026-11-16,23:30,01:00,1.50,yes,45.00,67.50,EUR,manual,submitted,Ana,/);
    expect(csv).toContain('billable amount,67.50,EUR');
    expect(csv).toContain('time zone,Europe/Berlin');
  });

  it('writes the streamed lines from rows as csv-stringify quotes them, and takes each row out of the batch', () => {
    const row = (notes: string, assistantName: string, disclosureId: string | null, billable: boolean): TimesheetLineRow => ({
      startedAt: new Date('2026-11-16T22:30:00Z'),
      endedAt: new Date('2026-11-17T00:00:00Z'),
      durationSeconds: 5400,
      notes,
      billable,
      hourlyRate: '45.00',
      source: 'manual',
      status: 'submitted',
      disclosureId,
      currency: 'EUR',
      assistantName,
    });
    const rows = [row('plain', 'Ana', null, true), row('=SUM(A1), "x"\nmore', 'Bo', 'd', false), row('', '@Cy', null, true)];
    const totals = new TimesheetTotals();
    const text = csvRowLines(rows, 'client', 'Europe/Berlin', 'Northwind', totals);
    expect(text).toBe(
      '2026-11-16,23:30,01:00,1.50,yes,45.00,67.50,EUR,manual,submitted,Ana,plain\n' +
        `2026-11-16,23:30,01:00,1.50,no,45.00,0.00,EUR,fix at no charge,submitted,Northwind,"'=SUM(A1), ""x""\nmore"\n` +
        "2026-11-16,23:30,01:00,1.50,yes,45.00,67.50,EUR,manual,submitted,'@Cy,\n",
    );
    expect(rows).toEqual([]);
    expect(totals.result()).toMatchObject({ entryCount: 3, billableHours: '3.00', fixedAtNoChargeHours: '1.50', billableAmount: '135.00' });
  });

  it('escapes HTML in the printable report, the brand too', () => {
    const brand = { name: 'Acme <b>VA</b>', primaryColor: '#1f5fa8', footerText: 'Call <us>', logoDataUri: null };
    const html = timesheetHtml(sheet('<script>alert(1)</script>'), brand);
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('Inbox &lt;care&gt;');
    expect(html).toContain('Acme &lt;b&gt;VA&lt;/b&gt;');
    expect(html).toContain('Call &lt;us&gt;');
    expect(html).toContain('--brand: #1f5fa8');
    expect(html.match(/Powered by Candor/g)).toHaveLength(1);
  });

  it('shows the logo instead of the name when there is one', () => {
    const logoDataUri = 'data:image/png;base64,iVBORw0KGgo=';
    const html = timesheetHtml(sheet('x'), { name: 'Acme', primaryColor: '#1f5fa8', footerText: null, logoDataUri });
    expect(html).toContain(`<img class="logo" src="${logoDataUri}" alt="Acme">`);
    expect(html).not.toContain('<span class="agency">');
  });
});
