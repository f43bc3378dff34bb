import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import {
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/access.decorators';
import { ShareLinksService } from './share-links.service';
import { timesheetCsv } from './timesheet.csv';
import { timesheetHtml } from './timesheet.html';
import { REPORT_CSP } from '../../common/security-headers';

class SharedReportQuery {
  @ApiPropertyOptional({ enum: ['html', 'csv'], default: 'html' })
  @IsOptional()
  @IsIn(['html', 'csv'], { message: 'format must be html or csv' })
  format?: 'html' | 'csv';
}

@ApiTags('timesheets')
@Controller('shared-reports')
export class SharedReportsController {
  constructor(private readonly shareLinks: ShareLinksService) {}

  @Get(':tenantId/:token')
  @Public()
  @ApiOperation({ summary: 'A shared timesheet report, for whoever holds the link (no sign-in)' })
  @ApiProduces('text/html', 'text/csv')
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiNotFoundResponse({ description: 'the link is not valid' })
  @ApiGoneResponse({ description: 'the link was revoked or has expired' })
  async open(
    @Param('tenantId', ParseUUIDPipe) tenantId: string,
    @Param('token') token: string,
    @Query() query: SharedReportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { sheet, brand } = await this.shareLinks.open(tenantId, token, query.format !== 'csv');
    reply.header('cache-control', 'no-store');
    reply.header('x-robots-tag', 'noindex');
    if (query.format === 'csv') {
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="timesheet-${sheet.period.kind}-${sheet.period.start}.csv"`);
      return timesheetCsv(sheet);
    }
    reply.header('content-type', 'text/html; charset=utf-8');
    reply.header('content-security-policy', REPORT_CSP);
    if (!brand) throw new Error('the brand of an HTML report was not read');
    return timesheetHtml(sheet, brand);
  }
}
