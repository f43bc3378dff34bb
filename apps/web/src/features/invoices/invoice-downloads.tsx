import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ErrorAlert, TextField } from '../../ui';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { useDownload } from '../../lib/save-file';
import { downloadInvoicePdf, exportInvoicesCsv } from './invoice-endpoints';

/** "Download PDF": the invoice in the client's language, saved under its number. */
export function InvoicePdfButton({
  invoice,
  variant,
}: {
  invoice: { id: string; number: string | null };
  variant?: 'secondary' | 'quiet';
}) {
  const { t } = useTranslation();
  const errorMessages = useErrorMessages();
  const { busy, error, run } = useDownload();
  const fileName = `${invoice.number ?? `draft-${invoice.id}`}.pdf`;
  return (
    <>
      <Button variant={variant} pending={busy} onClick={() => void run(() => downloadInvoicePdf(invoice.id), fileName)}>
        {t('invoices.downloadPdf')}
      </Button>
      {error ? <ErrorAlert messages={errorMessages(error)} /> : null}
    </>
  );
}

/** The accountant's export: every line of the invoices and credit notes issued in a period, as CSV. */
export function ExportCsvForm() {
  const { t } = useTranslation();
  const errorMessages = useErrorMessages();
  const { busy, error, run } = useDownload();
  const [period, setPeriod] = useState({ from: '', to: '' });
  return (
    <form
      className="form form-compact panel invoice-export"
      noValidate
      aria-label={t('invoices.exportTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        void run(() => exportInvoicesCsv(period.from, period.to), `invoices-${period.from}-${period.to}.csv`);
      }}
    >
      <ErrorAlert messages={error ? errorMessages(error) : []} />
      <TextField
        label={t('invoices.exportFrom')}
        type="date"
        value={period.from}
        onChange={(e) => setPeriod({ ...period, from: e.target.value })}
      />
      <TextField
        label={t('invoices.exportTo')}
        type="date"
        value={period.to}
        onChange={(e) => setPeriod({ ...period, to: e.target.value })}
      />
      <div className="form-actions">
        <Button type="submit" variant="primary" pending={busy}>
          {t('invoices.exportDownload')}
        </Button>
      </div>
      <p className="muted">{t('invoices.exportHint')}</p>
    </form>
  );
}
