import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '@candor/domain';
import { CurrentActor, Policy } from '../../common/access.decorators';
import { DeliverableReviewsService } from './deliverable-reviews.service';
import { DELIVERABLE_SCHEMA } from './deliverables.controller';
import type { DeliverableResponse } from './deliverables.service';
import { DeclineRevisionRequestDto } from './dto/decline-revision-request.dto';
import { RequestChangesDto } from './dto/review.dto';

/** The client's answer to a delivered version, and the team's answer to a billable revision request. */
@ApiTags('deliverables')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'unknown, or not visible to the caller' })
@ApiConflictResponse({ description: 'not possible in the current state' })
@ApiOkResponse({ schema: DELIVERABLE_SCHEMA })
@Controller()
export class DeliverableReviewsController {
  constructor(private readonly reviews: DeliverableReviewsService) {}

  @Post('deliverables/:id/approve')
  @HttpCode(200)
  @Policy('read', 'Deliverable') // the sign-off is checked after the deliverable is found (404 before 403)
  @ApiOperation({ summary: 'Approve the delivered version; records who and when (client_admin)' })
  @ApiForbiddenResponse({ description: 'only the client_admin approves' })
  approve(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DeliverableResponse> {
    return this.reviews.approve(actor, id);
  }

  @Post('deliverables/:id/request-changes')
  @HttpCode(200)
  @Policy('read', 'Deliverable')
  @ApiOperation({ summary: 'Ask for changes with a comment; takes a revision round, billable beyond the included ones (client users)' })
  @ApiForbiddenResponse({ description: 'only the client asks for changes' })
  requestChanges(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RequestChangesDto,
  ): Promise<DeliverableResponse> {
    return this.reviews.requestChanges(actor, id, dto);
  }

  @Post('revision-requests/:id/accept')
  @HttpCode(200)
  @Policy('update', 'RevisionRequest')
  @ApiOperation({ summary: 'Take on a billable extra round the client asked for (staff)' })
  accept(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DeliverableResponse> {
    return this.reviews.acceptRequest(actor, id);
  }

  @Post('revision-requests/:id/decline')
  @HttpCode(200)
  @Policy('update', 'RevisionRequest')
  @ApiOperation({ summary: 'Decline a billable extra round with a reason; the version waits for review again (staff)' })
  decline(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DeclineRevisionRequestDto,
  ): Promise<DeliverableResponse> {
    return this.reviews.declineRequest(actor, id, dto);
  }
}
