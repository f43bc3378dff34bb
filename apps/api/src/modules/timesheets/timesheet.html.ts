import { POWERED_BY } from '@candor/domain';
import type { DocumentBrand } from '../brand/brand.service';
import type { TimesheetResponse } from './dto/timesheet.response';
import { localDateTime } from './timesheet.csv';

const escape = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The agency's logo (else its name) over the report, its colour on headings and the button. */
function masthead(brand: DocumentBrand): string {
  const mark = brand.logoDataUri
    ? `<img class="logo" src="${escape(brand.logoDataUri)}" alt="${escape(brand.name)}">`
    : `<span class="agency">${escape(brand.name)}</span>`;
  return `<header class="brand">${mark}</header>`;
}

/** A printable report: the browser's "Save as PDF" turns it into the document a client files. */
export function timesheetHtml(sheet: TimesheetResponse, brand: DocumentBrand): string {
  const zone = sheet.period.timeZone;
  const money = (amount: string) => `${escape(amount)} ${escape(sheet.engagement.currency)}`;
  const rows = sheet.entries
    .map((e) => {
      const start = localDateTime(new Date(e.startedAt), zone);
      const end = e.endedAt ? localDateTime(new Date(e.endedAt), zone).slice(11) : '';
      const note = e.fixedAtNoCharge
        ? ' <em>(fixing our error, no charge)</em>'
        : e.source === 'adjustment'
          ? ' <em>(adjustment)</em>'
          : '';
      return `<tr><td>${start.slice(0, 10)}</td><td>${start.slice(11)}${end ? `–${end}` : ''}</td><td>${escape(e.notes)}${note}</td>
        <td class="n">${escape(e.hours)}</td><td class="n">${e.billable ? money(e.amount) : '—'}</td></tr>`;
    })
    .join('\n');
  const t = sheet.totals;
  const title = `${sheet.engagement.name} — ${sheet.period.start} to ${sheet.period.end}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escape(title)}</title>
<style>
  :root { --brand: ${brand.primaryColor}; }
  .brand { display: flex; align-items: center; gap: .75rem; border-bottom: 3px solid var(--brand); padding-bottom: .75rem; margin-bottom: 1rem; }
  .logo { max-height: 48px; max-width: 240px; } .agency { font-size: 1.2rem; font-weight: 700; color: var(--brand); }
  h1 { color: var(--brand); } button { background: var(--brand); color: #fff; border: 0; border-radius: 6px; padding: .5rem 1rem; font: inherit; cursor: pointer; }
  button:focus-visible { outline: 3px solid var(--brand); outline-offset: 2px; }
  footer { margin-top: 2rem; color: #52606d; font-size: .85rem; } footer small { display: block; margin-top: .25rem; font-size: .75rem; }
  body { font: 14px/1.5 system-ui, sans-serif; color: #1f2933; max-width: 900px; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 1.4rem; margin-bottom: 0; } .meta { color: #52606d; margin-top: .25rem; }
  table { width: 100%; border-collapse: collapse; margin-top: 1.5rem; }
  th, td { text-align: start; padding: .4rem .5rem; border-bottom: 1px solid #e4e7eb; vertical-align: top; }
  th { font-weight: 600; background: #f5f7fa; } .n { text-align: end; white-space: nowrap; }
  tfoot td { font-weight: 600; border-bottom: none; }
  @media print { body { margin: 0; } button { display: none; } }
</style></head>
<body>
  ${masthead(brand)}
  <main>
  <h1>${escape(title)}</h1>
  <p class="meta">${escape(sheet.engagement.clientName)} · ${escape(brand.name)} · times in ${escape(zone)}</p>
  <button onclick="window.print()">Print or save as PDF</button>
  <table>
    <thead><tr><th>Date</th><th>Time</th><th>What was done</th><th class="n">Hours</th><th class="n">Amount</th></tr></thead>
    <tbody>${rows || '<tr><td colspan="5">No time logged in this period.</td></tr>'}</tbody>
    <tfoot>
      <tr><td colspan="3">Billable hours</td><td class="n">${escape(t.billableHours)}</td><td class="n">${money(t.billableAmount)}</td></tr>
      <tr><td colspan="3">Non-billable hours (of which fixing our errors at no charge: ${escape(t.fixedAtNoChargeHours)})</td><td class="n">${escape(t.nonBillableHours)}</td><td></td></tr>
    </tfoot>
  </table>
  </main>
  <footer>${brand.footerText ? `<p>${escape(brand.footerText)}</p>` : ''}<small>${POWERED_BY}</small></footer>
</body></html>`;
}
