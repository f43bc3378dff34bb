import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createInvoice,
  creditInvoice,
  discardInvoice,
  editInvoiceLines,
  getInvoice,
  listInvoices,
  moveInvoice,
  recordPayment,
  voidInvoice,
  type InvoiceFilter,
  type InvoiceInput,
  type InvoiceStep,
  type LinesEdit,
  type PaymentInput,
} from './invoice-endpoints';

export const invoiceKeys = {
  all: ['invoices'] as const,
  list: (filter: InvoiceFilter) => ['invoices', 'list', filter] as const,
  one: (id: string) => ['invoices', id] as const,
};

export function useInvoices(filter: InvoiceFilter = {}) {
  return useQuery({ queryKey: invoiceKeys.list(filter), queryFn: () => listInvoices(filter) });
}

export function useInvoice(id: string) {
  return useQuery({ queryKey: invoiceKeys.one(id), queryFn: () => getInvoice(id) });
}

/** Every change answers the invoice (or the new credit note); the lists are read again. */
function useInvoiceChange<A, R>(change: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invoiceKeys.all }),
  });
}

export function useCreateInvoice() {
  return useInvoiceChange((input: InvoiceInput) => createInvoice(input));
}

export function useEditLines(id: string) {
  return useInvoiceChange((edit: LinesEdit) => editInvoiceLines(id, edit));
}

export function useDiscardInvoice(id: string) {
  return useInvoiceChange(() => discardInvoice(id));
}

export function useMoveInvoice(id: string) {
  return useInvoiceChange((step: InvoiceStep) => moveInvoice(id, step));
}

export function useVoidInvoice(id: string) {
  return useInvoiceChange((reason: string) => voidInvoice(id, reason));
}

export function useRecordPayment(id: string) {
  return useInvoiceChange((payment: PaymentInput) => recordPayment(id, payment));
}

export function useCreditInvoice(id: string) {
  return useInvoiceChange((reason: string) => creditInvoice(id, reason));
}
