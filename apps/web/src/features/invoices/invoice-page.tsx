import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isClientRole } from '@candor/domain';
import { PageHeader, QueryView, Section } from '../../ui';
import { useFormat } from '../../lib/i18n/use-format';
import { useMember } from '../me/current-member';
import { InvoicePdfButton } from './invoice-downloads';
import type { Invoice } from './invoice-endpoints';
import { InvoiceActions } from './invoice-actions';
import { InvoiceStatusBadge } from './invoice-labels';
import { useInvoice } from './invoice-queries';
import './invoices.css';

/** One invoice or credit note: lines, totals, payments and credit notes; the team's actions for its status. */
export function InvoicePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const member = useMember();
  const query = useInvoice(id);
  return (
    <QueryView query={query}>
      {(invoice) => (
        <>
          <PageHeader
            title={`${invoice.kind === 'credit_note' ? t('invoices.creditNote') : t('invoices.invoice')} ${invoice.number ?? t('invoices.draftTitle')}`}
            description={invoice.clientName}
            actions={
              <div className="invoice-head">
                <InvoiceStatusBadge status={invoice.status} overdue={invoice.overdue} />
                <InvoicePdfButton invoice={invoice} />
              </div>
            }
          />
          <InvoiceBody invoice={invoice} />
          {isClientRole(member.role) ? null : <InvoiceActions invoice={invoice} />}
        </>
      )}
    </QueryView>
  );
}

function InvoiceBody({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = (amount: string) => format.money(amount, invoice.currency);
  return (
    <>
      <Section title={t('invoices.lines')}>
        <p className="list-meta">
          {invoice.periodStart && invoice.periodEnd
            ? t('invoices.period', { from: format.date(invoice.periodStart), to: format.date(invoice.periodEnd) })
            : null}
          {invoice.dueDate ? ` · ${t('invoices.dueOn', { date: format.date(invoice.dueDate) })}` : null}
          {invoice.creditNoteFor ? (
            <>
              {' · '}
              <Link className="text-link" to={`/invoices/${invoice.creditNoteFor.id}`}>
                {t('invoices.creditNoteFor', { number: invoice.creditNoteFor.number })}
              </Link>
            </>
          ) : null}
        </p>
        <div className="table-scroll">
          <table className="data-table" data-testid="invoice-lines">
            <thead>
              <tr>
                <th scope="col">{t('invoices.description')}</th>
                <th scope="col">{t('invoices.quantity')}</th>
                <th scope="col">{t('invoices.unitPrice')}</th>
                <th scope="col">{t('invoices.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {invoice.lines.map((line) => (
                <tr key={line.id}>
                  <th scope="row">
                    {line.description}
                    {line.note ? <span className="list-meta"> · {line.note}</span> : null}
                  </th>
                  <td>
                    {format.number(Number(line.quantity))} {t(`invoices.unit.${line.unit}`)}
                  </td>
                  <td>{money(line.unitPrice)}</td>
                  <td>{money(line.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <dl className="figures" data-testid="invoice-totals">
          <div className="figure">
            <dt>{t('invoices.subtotal')}</dt>
            <dd>{money(invoice.subtotal)}</dd>
          </div>
          <div className="figure">
            <dt>{invoice.reverseCharge ? t('invoices.reverseCharge') : t('invoices.tax', { rate: invoice.taxRate ?? '0' })}</dt>
            <dd>{money(invoice.taxAmount)}</dd>
          </div>
          <div className="figure">
            <dt>{t('invoices.total')}</dt>
            <dd>{money(invoice.total)}</dd>
          </div>
          {invoice.kind === 'invoice' && invoice.status !== 'draft' ? (
            <div className="figure">
              <dt>{t('invoices.owed')}</dt>
              <dd>{money(invoice.amountDue)}</dd>
            </div>
          ) : null}
        </dl>
      </Section>
      {invoice.payments.length || invoice.creditNotes.length ? (
        <Section title={t('invoices.paymentsAndCredits')}>
          <ul className="list">
            {invoice.payments.map((p, i) => (
              <li key={`p${String(i)}`} className="list-row">
                {t('invoices.paymentLine', { date: format.date(p.date), amount: money(p.amount), method: p.method })}
              </li>
            ))}
            {invoice.creditNotes.map((n) => (
              <li key={n.id} className="list-row">
                <Link className="text-link" to={`/invoices/${n.id}`}>
                  {t('invoices.creditNoteLine', { number: n.number, amount: money(n.total) })}
                </Link>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </>
  );
}
