import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Actor } from '@candor/domain';
import { CurrentActor, Policy, ReadsOnly, SessionCheckedInTransaction } from '../../common/access.decorators';
import { CompensationOffersService } from './compensation-offers.service';
import { DisclosureDraftsService } from './disclosure-drafts.service';
import { DisclosuresService, type DisclosureResponse } from './disclosures.service';
import { CreateDisclosureDto } from './dto/create-disclosure.dto';
import { CreateOfferDto } from './dto/create-offer.dto';
import { DisclosureClientResponse, DisclosurePageResponse, DisclosureStaffResponse } from './dto/disclosure.response';
import { ListDisclosuresQuery } from './dto/list-disclosures.query';
import { DisclosureCommentDto } from './dto/transition.dto';
import { UpdateDisclosureDto } from './dto/update-disclosure.dto';

/** Staff get DisclosureStaffResponse; client users get DisclosureClientResponse, without internal fields. */
export const DISCLOSURE_SCHEMA = {
  oneOf: [{ $ref: getSchemaPath(DisclosureStaffResponse) }, { $ref: getSchemaPath(DisclosureClientResponse) }],
};

@ApiTags('disclosures')
@ApiBearerAuth()
@ApiExtraModels(DisclosureStaffResponse, DisclosureClientResponse)
@ApiNotFoundResponse({ description: 'unknown, or not visible to the caller (another client, or a draft for a client user)' })
@SessionCheckedInTransaction()
@Controller('disclosures')
export class DisclosuresController {
  constructor(
    private readonly service: DisclosuresService,
    private readonly drafts: DisclosureDraftsService,
    private readonly offers: CompensationOffersService,
  ) {}

  @Get()
  @ReadsOnly()
  @Policy('read', 'Disclosure')
  @ApiOperation({ summary: 'Disclosures, newest first (keyset cursor); clients see their own account and no drafts' })
  @ApiOkResponse({ type: DisclosurePageResponse })
  list(@CurrentActor() actor: Actor, @Query() query: ListDisclosuresQuery): Promise<DisclosurePageResponse> {
    return this.service.list(actor, query);
  }

  @Post()
  @Policy('create', 'Disclosure')
  @ApiOperation({
    summary: 'Draft a disclosure on an engagement; an agreed remedy for the category starts it (staff)',
    description:
      'With `offer` and `then`, the offer is made and the step taken in the same transaction: if either is refused, nothing is written.',
  })
  @ApiCreatedResponse({ type: DisclosureStaffResponse })
  @ApiBadRequestResponse({
    description: 'missing facts, unknown category or severity, times out of order, an offer that does not fit its kind, a step refused',
  })
  @ApiForbiddenResponse({ description: '`then: disclose` while the tenant requires a manager review' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateDisclosureDto): Promise<DisclosureResponse> {
    return this.drafts.create(actor, dto);
  }

  @Get(':id')
  @Policy('read', 'Disclosure')
  @ApiOperation({ summary: 'One disclosure with its offers, follow-ups and timeline, shaped for the caller' })
  @ApiOkResponse({ schema: DISCLOSURE_SCHEMA })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DisclosureResponse> {
    return this.service.get(actor, id);
  }

  @Patch(':id')
  @Policy('update', 'Disclosure')
  @ApiOperation({
    summary: 'Edit a disclosure: facts until disclosed, the remedy until proposed, internal notes until closed (staff)',
    description:
      'With `offer` and `then`, the offer is made and the step taken in the same transaction: if either is refused, nothing is written.',
  })
  @ApiOkResponse({ type: DisclosureStaffResponse })
  @ApiConflictResponse({ description: 'the field can no longer change in this state, or the step is not allowed from it' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateDisclosureDto,
  ): Promise<DisclosureResponse> {
    return this.drafts.update(actor, id, dto);
  }

  @Post(':id/comments')
  @Policy('read', 'Disclosure') // who may comment, and how visibly, is checked after the disclosure is found
  @ApiOperation({ summary: 'Comment on a disclosure; the team may comment internally' })
  @ApiCreatedResponse({ schema: DISCLOSURE_SCHEMA })
  @ApiForbiddenResponse({ description: 'a client user asking for an internal comment' })
  @ApiBadRequestResponse({ description: 'empty, or a client-visible comment that names a person involved' })
  comment(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DisclosureCommentDto,
  ): Promise<DisclosureResponse> {
    return this.service.comment(actor, id, dto);
  }

  @Post(':id/offers')
  @Policy('create', 'CompensationOffer')
  @ApiOperation({ summary: 'Offer compensation; made on a draft, it reaches the client with the disclosure (staff)' })
  @ApiCreatedResponse({ type: DisclosureStaffResponse })
  @ApiBadRequestResponse({
    description: 'a value that does not fit the kind (percent 1-100, hours > 0, whole days, money with 2 decimals)',
  })
  offer(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateOfferDto): Promise<DisclosureResponse> {
    return this.offers.create(actor, id, dto);
  }
}
