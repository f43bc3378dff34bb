import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Actor } from '@candor/domain';
import { CurrentActor, Policy, ReadsOnly, SessionCheckedInTransaction } from '../../common/access.decorators';
import { SerializedAs } from '../../common/response-schema';
import { ActorScope } from '../../common/actor-scope';
import { audienceOf } from '../../common/client-view';
import { TenantContext } from '../../common/tenant-context';
import { EngagementsService } from '../engagements/engagements.service';
import { CreateShareLinkDto } from './dto/create-share-link.dto';
import { ShareLinkResponse } from './dto/share-link.response';
import { TimesheetQuery } from './dto/timesheet.query';
import { TimesheetResponse } from './dto/timesheet.response';
import { ShareLinksService } from './share-links.service';
import { BrandService } from '../brand/brand.service';
import { timesheetHtml } from './timesheet.html';
import { TimesheetsService } from './timesheets.service';
import { REPORT_CSP } from '../../common/security-headers';

@ApiTags('timesheets')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'unknown, or not visible to the caller' })
@Controller()
export class TimesheetsController {
  constructor(
    private readonly tenant: TenantContext,
    private readonly scopes: ActorScope,
    private readonly engagements: EngagementsService,
    private readonly timesheets: TimesheetsService,
    private readonly shareLinks: ShareLinksService,
    private readonly brand: BrandService,
  ) {}

  @Get('engagements/:id/timesheet')
  @ReadsOnly()
  @SessionCheckedInTransaction()
  @Policy('read', 'Timesheet')
  @ApiOperation({ summary: "An engagement's time for a week or a month, with totals and amounts" })
  @SerializedAs(TimesheetResponse)
  timesheet(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: TimesheetQuery,
  ): Promise<TimesheetResponse> {
    return this.build(actor, id, query);
  }

  @Get('engagements/:id/timesheet/csv')
  @SessionCheckedInTransaction()
  @Policy('read', 'Timesheet')
  @ApiOperation({ summary: 'The same timesheet as CSV, totals included' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' } })
  async csv(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: TimesheetQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.engagements.findVisible(actor, id);
    const scope = await this.scopes.of(actor);
    const audience = audienceOf(actor);
    // Streamed from a cursor inside this request's transaction: the handler returns when the last
    // line is written, so the transaction outlives the stream. A refusal before the first line is
    // still an ordinary error response.
    let started = false;
    const write = async (chunk: string) => {
      if (!started) {
        started = true;
        reply.hijack();
        // Written past Fastify: the headers its hooks set (security headers, X-Request-Id) go out by hand.
        reply.raw.writeHead(200, {
          ...(reply.getHeaders() as OutgoingHttpHeaders),
          'cache-control': 'no-store',
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="timesheet-${query.period}-${query.start}.csv"`,
        });
      }
      if (!reply.raw.write(chunk)) await drained(reply.raw);
    };
    try {
      await this.timesheets.writeCsv(this.tenant.manager, scope, id, query, audience, write);
    } catch (error) {
      if (!started) throw error;
      reply.raw.destroy(error instanceof Error ? error : undefined);
      return;
    }
    reply.raw.end();
  }

  @Get('engagements/:id/timesheet/report')
  @Policy('read', 'Timesheet')
  @ApiOperation({ summary: 'The same timesheet as a printable HTML report (print or save as PDF)' })
  @ApiProduces('text/html')
  @ApiOkResponse({ schema: { type: 'string' } })
  async report(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: TimesheetQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    // Built first: a refusal (404 out of scope) must still go out as the JSON error, not as HTML.
    const html = timesheetHtml(await this.build(actor, id, query), await this.brand.forDocument(this.tenant.manager, actor.tenantId));
    reply.header('content-type', 'text/html; charset=utf-8');
    reply.header('content-security-policy', REPORT_CSP);
    return html;
  }

  @Post('engagements/:id/share-links')
  @Policy('create', 'ShareLink')
  @ApiOperation({ summary: 'Create a read-only, expiring link to one period of the timesheet (owner, manager, client_admin)' })
  @ApiCreatedResponse({ type: ShareLinkResponse })
  createShareLink(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateShareLinkDto,
  ): Promise<ShareLinkResponse> {
    return this.shareLinks.create(actor, id, dto);
  }

  @Get('engagements/:id/share-links')
  @Policy('read', 'ShareLink')
  @ApiOperation({ summary: 'The share links of an engagement, revoked ones included' })
  @ApiOkResponse({ type: [ShareLinkResponse] })
  listShareLinks(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ShareLinkResponse[]> {
    return this.shareLinks.list(actor, id);
  }

  @Post('share-links/:id/revoke')
  @HttpCode(200)
  @Policy('delete', 'ShareLink')
  @ApiOperation({ summary: 'Revoke a share link; it stops working at once' })
  @ApiOkResponse({ type: ShareLinkResponse })
  revokeShareLink(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ShareLinkResponse> {
    return this.shareLinks.revoke(actor, id);
  }

  private async build(actor: Actor, engagementId: string, query: TimesheetQuery): Promise<TimesheetResponse> {
    return this.timesheets.build(this.tenant.manager, await this.scopes.of(actor), engagementId, query, audienceOf(actor));
  }
}

/** Waits until the reader wants more; refuses when they went away, so the export stops reading. */
function drained(out: ServerResponse): Promise<void> {
  return new Promise((resolve, reject) => {
    const ready = () => {
      out.off('close', gone);
      resolve();
    };
    const gone = () => {
      out.off('drain', ready);
      reject(new Error('the reader closed the connection'));
    };
    out.once('drain', ready);
    out.once('close', gone);
  });
}
