import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
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
import { CurrentActor, Policy, SessionCheckedInTransaction } from '../../common/access.decorators';
import { DisputeWeekDto } from './dto/dispute-week.dto';
import { ListWeeksQuery } from './dto/list-weeks.query';
import { SubmitWeekDto } from './dto/submit-week.dto';
import { WeekResponse } from './dto/week.response';
import { TimesheetWeeksService } from './timesheet-weeks.service';

@ApiTags('timesheet-weeks')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'unknown, or not visible to the caller' })
@SessionCheckedInTransaction()
@Controller('timesheet-weeks')
export class TimesheetWeeksController {
  constructor(private readonly service: TimesheetWeeksService) {}

  @Get()
  @Policy('read', 'TimesheetWeek')
  @ApiOperation({ summary: 'Submitted weeks with their totals, newest first' })
  @ApiOkResponse({ type: [WeekResponse] })
  list(@CurrentActor() actor: Actor, @Query() query: ListWeeksQuery): Promise<WeekResponse[]> {
    return this.service.list(actor, query);
  }

  @Get(':id')
  @Policy('read', 'TimesheetWeek')
  @ApiOperation({ summary: 'One week with its entries' })
  @ApiOkResponse({ type: WeekResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<WeekResponse> {
    return this.service.get(actor, id);
  }

  @Post()
  @Policy('create', 'TimesheetWeek')
  @ApiOperation({ summary: "Submit a week of an engagement for the client's approval; every entry needs notes" })
  @ApiCreatedResponse({ type: WeekResponse })
  @ApiBadRequestResponse({ description: 'entries without notes (listed)' })
  @ApiConflictResponse({ description: 'nothing to submit, a timer still running, or the week is already approved' })
  submit(@CurrentActor() actor: Actor, @Body() dto: SubmitWeekDto): Promise<WeekResponse> {
    return this.service.submit(actor, dto);
  }

  @Post(':id/approve')
  @HttpCode(200)
  // Route-level read only: the decision is checked after the week is found, so a stranger gets 404, not 403.
  @Policy('read', 'TimesheetWeek')
  @ApiOperation({ summary: 'Approve a week; its entries lock (client_admin)' })
  @ApiOkResponse({ type: WeekResponse })
  @ApiForbiddenResponse({ description: 'only the client_admin decides' })
  @ApiConflictResponse({ description: 'already approved, or entries still disputed' })
  approve(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<WeekResponse> {
    return this.service.approve(actor, id);
  }

  @Post(':id/dispute')
  @HttpCode(200)
  @Policy('read', 'TimesheetWeek') // the decision is checked after the week is found (404 before 403)
  @ApiOperation({ summary: 'Dispute chosen entries of a week, each with a comment (client_admin)' })
  @ApiOkResponse({ type: WeekResponse })
  @ApiConflictResponse({ description: 'already approved, or an entry already disputed' })
  dispute(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DisputeWeekDto): Promise<WeekResponse> {
    return this.service.dispute(actor, id, dto);
  }
}
