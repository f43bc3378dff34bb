import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isClientRole } from '@candor/domain';
import { Button, ErrorAlert, ListSection, PageHeader, SelectField, SubmitButton, TextField } from '../../ui';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { useFormat } from '../../lib/i18n/use-format';
import { useClientAccounts } from '../client-accounts/client-queries';
import { useMember } from '../me/current-member';
import { ExportCsvForm, InvoicePdfButton } from './invoice-downloads';
import type { InvoiceSummary } from './invoice-endpoints';
import { InvoiceStatusBadge } from './invoice-labels';
import { useCreateInvoice, useInvoices } from './invoice-queries';

/** Invoices and credit notes: the agency's all (and a new draft), a client's own with their PDFs. */
export function InvoicesPage() {
  const { t } = useTranslation();
  const member = useMember();
  const client = isClientRole(member.role);
  const [drafting, setDrafting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const query = useInvoices();
  return (
    <>
      <PageHeader
        title={t('invoices.title')}
        description={client ? t('invoices.clientDescription') : t('invoices.staffDescription')}
        actions={
          client ? null : (
            <>
              <Button onClick={() => setExporting(!exporting)} aria-expanded={exporting}>
                {t('invoices.exportCsv')}
              </Button>
              <Button variant="primary" onClick={() => setDrafting(true)}>
                {t('invoices.newDraft')}
              </Button>
            </>
          )
        }
      />
      {exporting ? <ExportCsvForm /> : null}
      {drafting ? <NewDraftForm onCancel={() => setDrafting(false)} /> : null}
      <ListSection
        query={query}
        items={(list) => list}
        title={t('invoices.listTitle')}
        emptyTitle={t('invoices.emptyTitle')}
        emptyText={t('invoices.emptyText')}
      >
        {(list) => <InvoiceList invoices={list} />}
      </ListSection>
    </>
  );
}

function InvoiceList({ invoices }: { invoices: InvoiceSummary[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ul className="list" data-testid="invoice-list">
      {invoices.map((invoice) => (
        <li key={invoice.id} className={invoice.overdue ? 'list-row list-row-alert' : 'list-row'}>
          <div className="list-main">
            <Link to={`/invoices/${invoice.id}`} className="list-title">
              {invoice.number ?? t('invoices.draftTitle')} · {invoice.clientName}
            </Link>
            <p className="list-meta">
              <span>
                {invoice.kind === 'credit_note' ? t('invoices.creditNoteFor', { number: invoice.creditNoteFor }) : t('invoices.invoice')}
              </span>
              {invoice.issueDate ? <span>{t('invoices.issuedOn', { date: format.date(invoice.issueDate) })}</span> : null}
              {invoice.dueDate ? <span>{t('invoices.dueOn', { date: format.date(invoice.dueDate) })}</span> : null}
              <span>{t('invoices.totalIs', { amount: format.money(invoice.total, invoice.currency) })}</span>
              {invoice.kind === 'invoice' && invoice.status !== 'draft' ? (
                <span>{t('invoices.dueIs', { amount: format.money(invoice.amountDue, invoice.currency) })}</span>
              ) : null}
            </p>
          </div>
          <div className="list-aside">
            <InvoiceStatusBadge status={invoice.status} overdue={invoice.overdue} />
            {invoice.status !== 'draft' ? <InvoicePdfButton invoice={invoice} variant="quiet" /> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** A client account and a period: the API computes the lines from what the client approved. */
function NewDraftForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const errorMessages = useErrorMessages();
  const navigate = useNavigate();
  const clients = useClientAccounts();
  const create = useCreateInvoice();
  const [values, setValues] = useState({ clientAccountId: '', periodStart: '', periodEnd: '', currency: '' });
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues({ ...values, [field]: event.target.value });
  return (
    <form
      className="form form-compact panel"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (create.isPending) return;
        const { currency, ...rest } = values;
        create.mutate(
          { ...rest, ...(currency.trim() && { currency: currency.trim().toUpperCase() }) },
          {
            onSuccess: (draft) => void navigate(`/invoices/${draft.id}`),
          },
        );
      }}
    >
      <ErrorAlert messages={create.error ? errorMessages(create.error) : []} />
      <SelectField label={t('invoices.client')} value={values.clientAccountId} onChange={set('clientAccountId')}>
        <option value="">{t('invoices.chooseClient')}</option>
        {(clients.data ?? []).map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <TextField label={t('invoices.periodStart')} type="date" value={values.periodStart} onChange={set('periodStart')} />
      <TextField label={t('invoices.periodEnd')} type="date" value={values.periodEnd} onChange={set('periodEnd')} />
      <TextField
        label={t('invoices.currency')}
        optional
        hint={t('invoices.currencyHint')}
        value={values.currency}
        onChange={set('currency')}
      />
      <div className="form-actions">
        <SubmitButton pending={create.isPending}>{t('invoices.createDraft')}</SubmitButton>
        <Button variant="quiet" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
