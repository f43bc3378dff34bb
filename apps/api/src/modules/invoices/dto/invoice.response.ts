import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INVOICE_STATUSES } from './list-invoices.query';
import { LINE_UNITS } from './edit-invoice-lines.dto';

export class InvoiceLineResponse {
  @ApiProperty() id: string;
  @ApiProperty() description: string;
  @ApiProperty({ example: '3.50' }) quantity: string;
  @ApiProperty({ enum: LINE_UNITS }) unit: string;
  @ApiProperty({ example: '40.00' }) unitPrice: string;
  @ApiProperty({ example: '140.00', description: 'quantity x unit price rounded to the currency; negative for a discount or credit' })
  amount: string;
  @ApiProperty({ type: String, nullable: true, example: 'fixed at no charge' }) note: string | null;
}

/** Staff see where each line came from. */
export class StaffInvoiceLineResponse extends InvoiceLineResponse {
  @ApiProperty({ example: 'time' }) kind: string;
  @ApiProperty({ type: String, nullable: true }) engagementId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the credit-ledger entry this line uses' }) creditLedgerEntryId: string | null;
}

export class InvoicePaymentResponse {
  @ApiProperty({ example: '2026-04-10' }) date: string;
  @ApiProperty({ example: '250.00' }) amount: string;
  @ApiProperty({ example: 'bank transfer' }) method: string;
}

export class InvoiceReferenceResponse {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true, example: 'CN-2026-0001' }) number: string | null;
  @ApiProperty({ example: '40.00' }) total: string;
}

export class InvoiceResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['invoice', 'credit_note'] }) kind: string;
  @ApiProperty({ type: String, nullable: true, example: 'INV-2026-0007', description: 'assigned when issued' }) number: string | null;
  @ApiProperty({ enum: INVOICE_STATUSES }) status: string;
  @ApiProperty() clientAccountId: string;
  @ApiProperty() clientName: string;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ type: String, nullable: true }) periodStart: string | null;
  @ApiProperty({ type: String, nullable: true }) periodEnd: string | null;
  @ApiProperty({ type: String, nullable: true }) issueDate: string | null;
  @ApiProperty({ type: String, nullable: true }) dueDate: string | null;
  @ApiProperty({ description: 'past its due date and not paid' }) overdue: boolean;
  @ApiProperty({ type: [InvoiceLineResponse] }) lines: InvoiceLineResponse[];
  @ApiProperty({ example: '1032.25', description: 'the sum of the lines' }) subtotal: string;
  @ApiProperty({ type: String, nullable: true, example: '20.00' }) taxRate: string | null;
  @ApiProperty({ example: '206.45' }) taxAmount: string;
  @ApiProperty({ example: '1238.70' }) total: string;
  @ApiProperty() reverseCharge: boolean;
  @ApiProperty({ example: '250.00' }) amountPaid: string;
  @ApiProperty({ example: '0.00', description: 'credit notes against this invoice' }) amountCredited: string;
  @ApiProperty({ example: '988.70', description: 'total - paid - credited' }) amountDue: string;
  @ApiProperty({ type: [InvoicePaymentResponse] }) payments: InvoicePaymentResponse[];
  @ApiProperty({ type: [InvoiceReferenceResponse] }) creditNotes: InvoiceReferenceResponse[];
  @ApiProperty({ type: InvoiceReferenceResponse, nullable: true, description: 'the invoice a credit note corrects' })
  creditNoteFor: InvoiceReferenceResponse | null;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiProperty({ example: '/api/v1/invoices/…/pdf' }) pdfUrl: string;
}

export class InvoiceTrailResponse {
  @ApiProperty({ example: 'invoice.lines_edited' }) action: string;
  @ApiProperty() at: Date;
  @ApiProperty({ type: String, nullable: true }) actorName: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: Object }) change: Record<string, unknown>;
}

/** Staff also see line sources, the void reason and the trail of edits. */
export class StaffInvoiceResponse extends InvoiceResponse {
  @ApiProperty({ type: [StaffInvoiceLineResponse] }) declare lines: StaffInvoiceLineResponse[];
  @ApiProperty({ type: String, nullable: true }) voidReason: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: [InvoiceTrailResponse] }) trail: InvoiceTrailResponse[];
}

/** A row of the list: no lines. */
export class InvoiceSummaryResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['invoice', 'credit_note'] }) kind: string;
  @ApiProperty({ type: String, nullable: true }) number: string | null;
  @ApiProperty({ enum: INVOICE_STATUSES }) status: string;
  @ApiProperty() clientAccountId: string;
  @ApiProperty() clientName: string;
  @ApiProperty() currency: string;
  @ApiProperty({ type: String, nullable: true }) periodStart: string | null;
  @ApiProperty({ type: String, nullable: true }) periodEnd: string | null;
  @ApiProperty({ type: String, nullable: true }) issueDate: string | null;
  @ApiProperty({ type: String, nullable: true }) dueDate: string | null;
  @ApiProperty() overdue: boolean;
  @ApiProperty() total: string;
  @ApiProperty() amountDue: string;
  @ApiProperty({ type: String, nullable: true, description: 'the invoice number a credit note corrects' }) creditNoteFor: string | null;
  @ApiProperty() pdfUrl: string;
}
