import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '@candor/domain';
import type { InvoiceDocument } from '@candor/invoice-documents';
import { CurrentActor, Policy } from '../../common/access.decorators';
import { contentDisposition } from '../deliverables/storage/content-disposition.util';
import { CreateInvoiceDto } from './dto/create-invoice.dto';
import { EditInvoiceLinesDto } from './dto/edit-invoice-lines.dto';
import { ExportInvoicesQuery } from './dto/export-invoices.query';
import { InvoiceSummaryResponse, StaffInvoiceResponse, type InvoiceResponse } from './dto/invoice.response';
import { ListInvoicesQuery } from './dto/list-invoices.query';
import { InvoiceDraftsService } from './invoice-drafts.service';
import { InvoicesService } from './invoices.service';

const DAY_MS = 86_400_000;
const BINARY = { type: 'string', format: 'binary' } as const;

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

  // Declared before ':id' so the path is not read as an invoice id.
  @Get('export.csv')
  @Policy('create', 'Invoice')
  @ApiOperation({
    summary: 'The accounting CSV of the invoices and credit notes issued in a period: one row per line (owner, manager)',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'a CSV attachment, header row first', schema: BINARY })
  @ApiBadRequestResponse({ description: 'a date is not YYYY-MM-DD, to is before from, or the period is over 366 days' })
  async exportCsv(
    @CurrentActor() actor: Actor,
    @Query() query: ExportInvoicesQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    if (query.to < query.from) throw new BadRequestException('The period ends before it starts: to must be on or after from');
    if (Date.parse(query.to) - Date.parse(query.from) > 365 * DAY_MS) {
      throw new BadRequestException('An export covers at most 366 days; ask for a shorter period');
    }
    const csv = await this.invoices.exportCsv(actor, query.from, query.to);
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', contentDisposition(`invoices-${query.from}-${query.to}.csv`));
    return csv;
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

  @Get(':id/pdf')
  @Policy('read', 'Invoice')
  @ApiOperation({ summary: "The invoice or credit note as a PDF in the client's language, with the agency's brand" })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'a PDF attachment named by the invoice number', schema: BINARY })
  async pdf(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    // Rendered first: a refusal (404 out of scope) still goes out as the JSON error.
    const file = await this.invoices.pdf(actor, id);
    reply.header('content-type', 'application/pdf');
    reply.header('content-disposition', contentDisposition(file.fileName));
    return file.body;
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
