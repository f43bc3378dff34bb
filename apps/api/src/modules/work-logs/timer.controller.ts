import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@candor/domain';
import { CurrentActor, Policy, SessionCheckedInTransaction } from '../../common/access.decorators';
import { StartTimerDto, StopTimerDto } from './dto/start-timer.dto';
import { RunningTimerResponse, StoppedTimerResponse, WorkLogResponse } from './dto/work-log.response';
import { TimerService, type TimerStartResult } from './timer.service';

class TimerStartResponse implements TimerStartResult {
  @ApiProperty({ type: WorkLogResponse }) timer: WorkLogResponse;
  @ApiProperty({
    type: StoppedTimerResponse,
    nullable: true,
    description: 'the timer that was running before, now stopped (discarded if it ran under a minute)',
  })
  stopped: StoppedTimerResponse | null;
}

@ApiTags('work-logs')
@ApiBearerAuth()
@SessionCheckedInTransaction()
@Controller('timer')
export class TimerController {
  constructor(private readonly timers: TimerService) {}

  @Get()
  @Policy('create', 'WorkLog')
  @ApiOperation({ summary: "The caller's running timer, if any" })
  @ApiOkResponse({ type: RunningTimerResponse })
  current(@CurrentActor() actor: Actor): Promise<RunningTimerResponse> {
    return this.timers.current(actor);
  }

  @Post('start')
  @Policy('create', 'WorkLog')
  @ApiOperation({ summary: 'Start a timer on an engagement; a timer already running is stopped first' })
  @ApiCreatedResponse({ type: TimerStartResponse })
  start(@CurrentActor() actor: Actor, @Body() dto: StartTimerDto): Promise<TimerStartResponse> {
    return this.timers.start(actor, dto);
  }

  @Post('stop')
  @HttpCode(200)
  @Policy('create', 'WorkLog')
  @ApiOperation({ summary: "Stop the caller's running timer; one that ran under a minute is discarded unless keepShort is true" })
  @ApiOkResponse({ type: StoppedTimerResponse })
  @ApiConflictResponse({ description: 'no timer is running' })
  stop(@CurrentActor() actor: Actor, @Body() dto: StopTimerDto): Promise<StoppedTimerResponse> {
    return this.timers.stop(actor, dto.keepShort ?? false);
  }
}
