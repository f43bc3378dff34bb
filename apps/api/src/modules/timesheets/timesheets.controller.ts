import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { isClientRole, type Actor } from '@candor/domain';
import { CurrentActor, Policy } from '../../common/access.decorators';
import { TenantContext } from '../../common/tenant-context';
import { EngagementsService } from '../engagements/engagements.service';
import { CreateShareLinkDto } from './dto/create-share-link.dto';
import { ShareLinkResponse } from './dto/share-link.response';
import { TimesheetQuery } from './dto/timesheet.query';
import { TimesheetResponse } from './dto/timesheet.response';
import { ShareLinksService } from './share-links.service';
import { timesheetCsv } from './timesheet.csv';
import { timesheetHtml } from './timesheet.html';
import { TimesheetsService } from './timesheets.service';

@ApiTags('timesheets')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'unknown, or not visible to the caller' })
@Controller()
export class TimesheetsController {
  constructor(
    private readonly tenant: TenantContext,
    private readonly engagements: EngagementsService,
    private readonly timesheets: TimesheetsService,
    private readonly shareLinks: ShareLinksService,
  ) {}

  @Get('engagements/:id/timesheet')
  @Policy('read', 'Timesheet')
  @ApiOperation({ summary: "An engagement's time for a week or a month, with totals and amounts" })
  @ApiOkResponse({ type: TimesheetResponse })
  timesheet(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() query: TimesheetQuery): Promise<TimesheetResponse> {
    return this.build(actor, id, query);
  }

  @Get('engagements/:id/timesheet/csv')
  @Policy('read', 'Timesheet')
  @ApiOperation({ summary: 'The same timesheet as CSV, totals included' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' } })
  async csv(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: TimesheetQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const sheet = await this.build(actor, id, query);
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="timesheet-${query.period}-${query.start}.csv"`);
    return timesheetCsv(sheet);
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
    reply.header('content-type', 'text/html; charset=utf-8');
    return timesheetHtml(await this.build(actor, id, query));
  }

  @Post('engagements/:id/share-links')
  @Policy('create', 'ShareLink')
  @ApiOperation({ summary: 'Create a read-only, expiring link to one period of the timesheet (owner, manager, client_admin)' })
  @ApiCreatedResponse({ type: ShareLinkResponse })
  createShareLink(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateShareLinkDto): Promise<ShareLinkResponse> {
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
    await this.engagements.findVisible(actor, engagementId);
    return this.timesheets.build(this.tenant.manager, actor.tenantId, engagementId, query, isClientRole(actor.role) ? 'client' : 'staff');
  }
}
