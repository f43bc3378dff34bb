import { useState, type ReactNode, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button, ErrorAlert, Section, SelectField, SubmitButton, TextField } from '../../ui';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import type { Invoice } from './invoice-endpoints';
import { useCreditInvoice, useDiscardInvoice, useEditLines, useMoveInvoice, useRecordPayment, useVoidInvoice } from './invoice-queries';

type Values = Record<string, string>;

/** A small form of text fields whose values go to one mutation; its errors shown above it. */
function StepForm({
  fields,
  submit,
  pending,
  error,
  onSubmit,
  children,
}: {
  fields: { name: string; label: string; type?: string; hint?: string }[];
  submit: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: Values) => void;
  children?: ReactNode;
}) {
  const errorMessages = useErrorMessages();
  const [values, setValues] = useState<Values>({});
  return (
    <form
      className="form form-compact invoice-step"
      noValidate
      onSubmit={(event: SyntheticEvent) => {
        event.preventDefault();
        if (!pending) onSubmit(values);
      }}
    >
      <ErrorAlert messages={error ? errorMessages(error) : []} />
      {children}
      {fields.map((f) => (
        <TextField
          key={f.name}
          label={f.label}
          type={f.type ?? 'text'}
          hint={f.hint}
          value={values[f.name] ?? ''}
          onChange={(event) => setValues({ ...values, [f.name]: event.target.value })}
        />
      ))}
      <SubmitButton pending={pending}>{submit}</SubmitButton>
    </form>
  );
}

/** What the team can do with the invoice in its status: edit and issue a draft; send, record payments, void or credit an issued one. */
export function InvoiceActions({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorMessages = useErrorMessages();
  const edit = useEditLines(invoice.id);
  const move = useMoveInvoice(invoice.id);
  const discard = useDiscardInvoice(invoice.id);
  const voiding = useVoidInvoice(invoice.id);
  const pay = useRecordPayment(invoice.id);
  const credit = useCreditInvoice(invoice.id);
  const [removed, setRemoved] = useState('');
  const reason = { name: 'reason', label: t('invoices.reason'), hint: t('invoices.reasonHint') };

  if (invoice.status === 'draft') {
    return (
      <Section title={t('invoices.editDraft')} description={t('invoices.editDraftHint')}>
        <ErrorAlert messages={move.error ? errorMessages(move.error) : discard.error ? errorMessages(discard.error) : []} />
        <div className="form-actions">
          <Button variant="primary" pending={move.isPending} onClick={() => move.mutate('issue')}>
            {t('invoices.issue')}
          </Button>
          <Button
            variant="quiet"
            pending={discard.isPending}
            onClick={() => discard.mutate(undefined, { onSuccess: () => void navigate('/invoices') })}
          >
            {t('invoices.discard')}
          </Button>
        </div>
        <StepForm
          submit={t('invoices.addLine')}
          pending={edit.isPending}
          error={edit.error}
          fields={[
            { name: 'description', label: t('invoices.description') },
            { name: 'quantity', label: t('invoices.quantity'), hint: t('invoices.quantityHint') },
            { name: 'unitPrice', label: t('invoices.unitPrice'), hint: t('invoices.unitPriceHint') },
            reason,
          ]}
          onSubmit={(v) =>
            edit.mutate({
              reason: v['reason'] ?? '',
              add: [{ description: v['description'] ?? '', quantity: v['quantity'] ?? '', unit: 'item', unitPrice: v['unitPrice'] ?? '' }],
            })
          }
        />
        <StepForm
          submit={t('invoices.removeLine')}
          pending={edit.isPending}
          error={null}
          fields={[reason]}
          onSubmit={(v) => edit.mutate({ reason: v['reason'] ?? '', remove: removed ? [removed] : [] })}
        >
          <SelectField label={t('invoices.lineToRemove')} value={removed} onChange={(event) => setRemoved(event.target.value)}>
            <option value="">{t('invoices.chooseLine')}</option>
            {invoice.lines.map((line) => (
              <option key={line.id} value={line.id}>
                {line.description} ({line.amount})
              </option>
            ))}
          </SelectField>
        </StepForm>
      </Section>
    );
  }
  if (invoice.kind !== 'invoice' || invoice.status === 'void') return null;
  return (
    <Section title={t('invoices.actions')}>
      <ErrorAlert messages={move.error ? errorMessages(move.error) : []} />
      {invoice.status !== 'paid' ? (
        <div className="form-actions">
          <Button variant="primary" pending={move.isPending} onClick={() => move.mutate('send')}>
            {invoice.status === 'sent' ? t('invoices.sendAgain') : t('invoices.send')}
          </Button>
        </div>
      ) : null}
      {invoice.status !== 'paid' ? (
        <StepForm
          submit={t('invoices.recordPayment')}
          pending={pay.isPending}
          error={pay.error}
          fields={[
            { name: 'date', label: t('invoices.paidOn'), type: 'date' },
            { name: 'amount', label: t('invoices.amount') },
            { name: 'method', label: t('invoices.method'), hint: t('invoices.methodHint') },
          ]}
          onSubmit={(v) => pay.mutate({ date: v['date'] ?? '', amount: v['amount'] ?? '', method: v['method'] ?? '' })}
        />
      ) : null}
      <StepForm
        submit={t('invoices.creditAll')}
        pending={credit.isPending}
        error={credit.error}
        fields={[reason]}
        onSubmit={(v) => credit.mutate(v['reason'] ?? '')}
      />
      {invoice.status !== 'paid' ? (
        <StepForm
          submit={t('invoices.void')}
          pending={voiding.isPending}
          error={voiding.error}
          fields={[reason]}
          onSubmit={(v) => voiding.mutate(v['reason'] ?? '')}
        />
      ) : null}
    </Section>
  );
}
