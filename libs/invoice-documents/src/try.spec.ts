import { writeFileSync } from 'node:fs';
import { renderInvoicePdf } from './render-invoice-pdf';
import { sampleInvoice } from './sample-invoices';

it('renders', async () => {
  for (const locale of ['en', 'ar', 'ja', 'zh-Hant', 'de', 'nb'] as const) {
    const t = Date.now();
    const pdf = await renderInvoicePdf(sampleInvoice(locale));
    writeFileSync(`/tmp/candor-pdf/try-${locale}.pdf`, pdf);
    console.log(locale, pdf.length, Date.now() - t);
  }
}, 60000);
