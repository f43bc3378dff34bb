import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '@candor/domain';
import { CurrentActor, Policy } from '../../common/access.decorators';
import { CreateCreditNoteDto, RecordPaymentDto, VoidInvoiceDto } from './dto/invoice-steps.dto';
import { StaffInvoiceResponse, type InvoiceResponse } from './dto/invoice.response';
import { CreditNotesService } from './credit-notes.service';
import { InvoiceLifecycleService } from './invoice-lifecycle.service';

@ApiTags('invoices')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'unknown, or not visible to the caller' })
@ApiForbiddenResponse({ description: 'only owners and managers issue, send, void, record payments and credit' })
@ApiConflictResponse({ description: 'the invoice is not in a status that allows this step' })
@Controller('invoices/:id')
export class InvoiceLifecycleController {
  constructor(
    private readonly lifecycle: InvoiceLifecycleService,
    private readonly creditNotes: CreditNotesService,
  ) {}

  @Post('issue')
  @HttpCode(200)
  @Policy('update', 'Invoice')
  @ApiOperation({ summary: "Issue a draft: it takes the tenant's next number and never changes again" })
  @ApiOkResponse({ type: StaffInvoiceResponse })
  issue(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<InvoiceResponse> {
    return this.lifecycle.issue(actor, id);
  }

  @Post('send')
  @HttpCode(200)
  @Policy('update', 'Invoice')
  @ApiOperation({ summary: "Email the invoice to the client's main contacts (again, if sent before)" })
  @ApiOkResponse({ type: StaffInvoiceResponse })
  send(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<InvoiceResponse> {
    return this.lifecycle.send(actor, id);
  }

  @Post('void')
  @HttpCode(200)
  @Policy('update', 'Invoice')
  @ApiOperation({ summary: 'Void an issued invoice nobody paid or credited; its number is never used again' })
  @ApiOkResponse({ type: StaffInvoiceResponse })
  void(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: VoidInvoiceDto): Promise<InvoiceResponse> {
    return this.lifecycle.void(actor, id, dto);
  }

  @Post('payments')
  @HttpCode(200)
  @Policy('update', 'Invoice')
  @ApiOperation({ summary: 'Record a payment (partial or in full); paid in full, the invoice is paid' })
  @ApiOkResponse({ type: StaffInvoiceResponse })
  @ApiBadRequestResponse({ description: 'more than is owed, or a date in the future' })
  pay(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RecordPaymentDto): Promise<InvoiceResponse> {
    return this.lifecycle.recordPayment(actor, id, dto);
  }

  @Post('credit-notes')
  @Policy('update', 'Invoice')
  @ApiOperation({ summary: 'Issue a credit note for all that remains of the invoice, or for parts of lines' })
  @ApiCreatedResponse({ type: StaffInvoiceResponse, description: 'the credit note' })
  @ApiBadRequestResponse({ description: 'more than remains of a line or of the invoice' })
  credit(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateCreditNoteDto): Promise<InvoiceResponse> {
    return this.creditNotes.create(actor, id, dto);
  }
}
