import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@candor/domain';
import { CurrentActor, Policy } from '../../common/access.decorators';
import { DISCLOSURE_SCHEMA } from './disclosures.controller';
import type { DisclosureResponse } from './disclosures.service';
import { CompleteFollowUpDto, SkipFollowUpDto } from './dto/transition.dto';
import { FollowUpsService } from './follow-ups.service';

@ApiTags('disclosures')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'unknown, or not visible to the caller' })
@ApiConflictResponse({ description: 'already done or skipped' })
@ApiOkResponse({ schema: DISCLOSURE_SCHEMA, description: 'the disclosure the follow-up belongs to' })
@Controller('follow-ups/:id')
export class FollowUpsController {
  constructor(private readonly followUps: FollowUpsService) {}

  @Post('complete')
  @HttpCode(200)
  @Policy('update', 'FollowUp')
  @ApiOperation({ summary: 'Complete a follow-up with its outcome (staff)' })
  complete(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CompleteFollowUpDto): Promise<DisclosureResponse> {
    return this.followUps.complete(actor, id, dto);
  }

  @Post('skip')
  @HttpCode(200)
  @Policy('update', 'FollowUp')
  @ApiOperation({ summary: 'Skip a follow-up, saying why (staff)' })
  skip(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SkipFollowUpDto): Promise<DisclosureResponse> {
    return this.followUps.skip(actor, id, dto);
  }
}
