import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '@candor/domain';
import { CurrentActor, Policy, SessionCheckedInTransaction } from '../../common/access.decorators';
import { DisclosureLifecycleService } from './disclosure-lifecycle.service';
import { DISCLOSURE_SCHEMA } from './disclosures.controller';
import type { DisclosureResponse } from './disclosures.service';
import { FollowUpsService } from './follow-ups.service';
import { CheckInDto, ProposeRemedyDto, RequestRemedyChangesDto, ResolveDisclosureDto, ReturnToDraftDto } from './dto/transition.dto';

/** The lifecycle steps. A step the current state does not allow answers 409 naming the allowed next states. */
@ApiTags('disclosures')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'unknown, or not visible to the caller' })
@ApiConflictResponse({ description: 'not allowed from the current state; the message names the allowed next states' })
@ApiOkResponse({ schema: DISCLOSURE_SCHEMA })
@SessionCheckedInTransaction()
@Controller('disclosures/:id')
export class DisclosureLifecycleController {
  constructor(
    private readonly lifecycle: DisclosureLifecycleService,
    private readonly followUps: FollowUpsService,
  ) {}

  @Post('submit-for-review')
  @HttpCode(200)
  @Policy('update', 'Disclosure')
  @ApiOperation({ summary: 'Ask a manager to review the draft before it goes out (staff)' })
  submitForReview(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DisclosureResponse> {
    return this.lifecycle.submitForReview(actor, id);
  }

  @Post('return-to-draft')
  @HttpCode(200)
  @Policy('review', 'Disclosure')
  @ApiOperation({ summary: 'Send a draft in review back to its author with a note (owner, manager)' })
  returnToDraft(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReturnToDraftDto,
  ): Promise<DisclosureResponse> {
    return this.lifecycle.returnToDraft(actor, id, dto);
  }

  @Post('disclose')
  @HttpCode(200)
  @Policy('update', 'Disclosure')
  @ApiOperation({ summary: "Tell the client: emails the engagement's client contacts (staff; a reviewer when the tenant requires review)" })
  @ApiBadRequestResponse({ description: 'impact or apology missing, or client-facing words name a person involved' })
  @ApiForbiddenResponse({ description: 'the tenant requires a manager review first' })
  disclose(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DisclosureResponse> {
    return this.lifecycle.disclose(actor, id);
  }

  @Post('acknowledge')
  @HttpCode(200)
  @Policy('read', 'Disclosure')
  @ApiOperation({ summary: 'The client has read it (client users)' })
  acknowledge(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DisclosureResponse> {
    return this.lifecycle.acknowledge(actor, id);
  }

  @Post('propose-remedy')
  @HttpCode(200)
  @Policy('update', 'Disclosure')
  @ApiOperation({ summary: "Propose (or re-propose) the remedy for the client's sign-off (staff)" })
  @ApiBadRequestResponse({ description: 'no plan, a due date not in the future, or words that name a person involved' })
  proposeRemedy(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ProposeRemedyDto,
  ): Promise<DisclosureResponse> {
    return this.lifecycle.proposeRemedy(actor, id, dto);
  }

  @Post('accept-remedy')
  @HttpCode(200)
  @Policy('read', 'Disclosure') // the sign-off is checked after the disclosure is found (404 before 403)
  @ApiOperation({ summary: 'Sign off the proposed remedy; records who and when (client_admin)' })
  @ApiForbiddenResponse({ description: 'only the client_admin signs off' })
  acceptRemedy(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DisclosureResponse> {
    return this.lifecycle.acceptRemedy(actor, id);
  }

  @Post('request-remedy-changes')
  @HttpCode(200)
  @Policy('read', 'Disclosure')
  @ApiOperation({ summary: 'Ask for changes to the proposed remedy, with a comment (client_admin)' })
  @ApiForbiddenResponse({ description: 'only the client_admin decides on the remedy' })
  requestRemedyChanges(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RequestRemedyChangesDto,
  ): Promise<DisclosureResponse> {
    return this.lifecycle.requestRemedyChanges(actor, id, dto);
  }

  @Post('start-remediation')
  @HttpCode(200)
  @Policy('update', 'Disclosure')
  @ApiOperation({ summary: 'Start carrying out the accepted remedy (staff)' })
  startRemediation(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DisclosureResponse> {
    return this.lifecycle.startRemediation(actor, id);
  }

  @Post('resolve')
  @HttpCode(200)
  @Policy('update', 'Disclosure')
  @ApiOperation({ summary: 'Mark it put right; opens the client check-in and the team retrospective (staff)' })
  resolve(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ResolveDisclosureDto,
  ): Promise<DisclosureResponse> {
    return this.lifecycle.resolve(actor, id, dto);
  }

  @Post('close')
  @HttpCode(200)
  @Policy('update', 'Disclosure')
  @ApiOperation({ summary: 'Close it; every follow-up must be done or skipped with a reason (staff)' })
  close(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DisclosureResponse> {
    return this.lifecycle.close(actor, id);
  }

  @Post('check-in')
  @HttpCode(200)
  @Policy('read', 'Disclosure')
  @ApiOperation({ summary: 'Answer the check-in after resolution: resolved or not, a 1-5 rating, a comment (client users)' })
  checkIn(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CheckInDto): Promise<DisclosureResponse> {
    return this.followUps.checkIn(actor, id, dto);
  }
}
