import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '@candor/domain';
import { CurrentActor, Policy } from '../../common/access.decorators';
import { CreateInvoiceDto } from './dto/create-invoice.dto';
import { EditInvoiceLinesDto } from './dto/edit-invoice-lines.dto';
import { InvoiceSummaryResponse, StaffInvoiceResponse, type InvoiceResponse } from './dto/invoice.response';
import { ListInvoicesQuery } from './dto/list-invoices.query';
import type { InvoiceDocument } from './invoice-document';
import { InvoiceDraftsService } from './invoice-drafts.service';
import { InvoicesService } from './invoices.service';

@ApiTags('invoices')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'unknown, a draft (to a client), or not visible to the caller' })
@Controller('invoices')
export class InvoicesController {
  constructor(
    private readonly invoices: InvoicesService,
    private readonly drafts: InvoiceDraftsService,
  ) {}

  @Get()
  @Policy('read', 'Invoice')
  @ApiOperation({ summary: "Invoices and credit notes: staff all, a client their account's issued ones" })
  @ApiOkResponse({ type: [InvoiceSummaryResponse] })
  list(@CurrentActor() actor: Actor, @Query() query: ListInvoicesQuery): Promise<InvoiceSummaryResponse[]> {
    return this.invoices.list(actor, query);
  }

  @Get(':id')
  @Policy('read', 'Invoice')
  @ApiOperation({ summary: 'One invoice or credit note with lines, payments and credit notes (staff also see the trail)' })
  @ApiOkResponse({ type: StaffInvoiceResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<InvoiceResponse> {
    return this.invoices.get(actor, id);
  }

  @Get(':id/document')
  @Policy('read', 'Invoice')
  @ApiOperation({ summary: 'The invoice as the PDF and accounting export print it (InvoiceDocument)' })
  @ApiOkResponse({ description: 'an InvoiceDocument', schema: { type: 'object' } })
  document(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<InvoiceDocument> {
    return this.invoices.document(actor, id);
  }

  @Post()
  @Policy('create', 'Invoice')
  @ApiOperation({
    summary: "Draft an invoice of a client account's approved time, retainers, billable rounds and credits (owner, manager)",
  })
  @ApiCreatedResponse({ type: StaffInvoiceResponse })
  @ApiBadRequestResponse({ description: 'bad period, or engagements in more than one currency' })
  @ApiConflictResponse({ description: 'time in the period is not approved yet, or already invoiced' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateInvoiceDto): Promise<InvoiceResponse> {
    return this.drafts.create(actor, dto);
  }

  @Patch(':id/lines')
  @Policy('update', 'Invoice')
  @ApiOperation({ summary: "Add, change and remove a draft's lines, with a reason kept in its trail (owner, manager)" })
  @ApiOkResponse({ type: StaffInvoiceResponse })
  @ApiConflictResponse({ description: 'the invoice is issued: it never changes' })
  editLines(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: EditInvoiceLinesDto,
  ): Promise<InvoiceResponse> {
    return this.drafts.editLines(actor, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Policy('update', 'Invoice')
  @ApiOperation({ summary: 'Discard a draft; its credits go back on the ledger (owner, manager)' })
  @ApiNoContentResponse({ description: 'discarded' })
  @ApiConflictResponse({ description: 'only a draft is discarded; void an issued invoice' })
  discard(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.drafts.discard(actor, id);
  }
}
