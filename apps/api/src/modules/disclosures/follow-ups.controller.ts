import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@candor/domain';
import { CurrentActor, Policy, SessionCheckedInTransaction } from '../../common/access.decorators';
import { DISCLOSURE_SCHEMA } from './disclosures.controller';
import type { DisclosureResponse } from './disclosures.service';
import { FollowUpListItemResponse, ListFollowUpsQuery } from './dto/list-follow-ups.dto';
import { CompleteFollowUpDto, SkipFollowUpDto } from './dto/transition.dto';
import { FollowUpsService } from './follow-ups.service';

@ApiTags('disclosures')
@ApiBearerAuth()
@SessionCheckedInTransaction()
@Controller('follow-ups')
export class FollowUpsController {
  constructor(private readonly followUps: FollowUpsService) {}

  @Get()
  @Policy('read', 'FollowUp')
  @ApiOperation({ summary: "Follow-ups by status, soonest due first: staff see their disclosures', client users their check-ins" })
  @ApiOkResponse({ type: [FollowUpListItemResponse] })
  list(@CurrentActor() actor: Actor, @Query() query: ListFollowUpsQuery): Promise<FollowUpListItemResponse[]> {
    return this.followUps.list(actor, query);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Policy('update', 'FollowUp')
  @ApiOkResponse({ schema: DISCLOSURE_SCHEMA, description: 'the disclosure the follow-up belongs to' })
  @ApiNotFoundResponse({ description: 'unknown, or not visible to the caller' })
  @ApiConflictResponse({ description: 'already done or skipped' })
  @ApiOperation({ summary: 'Complete a follow-up with its outcome (staff)' })
  complete(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CompleteFollowUpDto,
  ): Promise<DisclosureResponse> {
    return this.followUps.complete(actor, id, dto);
  }

  @Post(':id/skip')
  @HttpCode(200)
  @Policy('update', 'FollowUp')
  @ApiOkResponse({ schema: DISCLOSURE_SCHEMA, description: 'the disclosure the follow-up belongs to' })
  @ApiNotFoundResponse({ description: 'unknown, or not visible to the caller' })
  @ApiConflictResponse({ description: 'already done or skipped' })
  @ApiOperation({ summary: 'Skip a follow-up, saying why (staff)' })
  skip(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SkipFollowUpDto): Promise<DisclosureResponse> {
    return this.followUps.skip(actor, id, dto);
  }
}
