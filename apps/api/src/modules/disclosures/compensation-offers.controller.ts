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
import { CurrentActor, Policy, SessionCheckedInTransaction } from '../../common/access.decorators';
import { CompensationOffersService } from './compensation-offers.service';
import { DISCLOSURE_SCHEMA } from './disclosures.controller';
import type { DisclosureResponse } from './disclosures.service';
import { DeclineOfferDto } from './dto/create-offer.dto';

@ApiTags('disclosures')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'unknown, or not visible to the caller' })
@ApiConflictResponse({ description: 'the offer is no longer open (or not accepted, for apply)' })
@ApiOkResponse({ schema: DISCLOSURE_SCHEMA, description: 'the disclosure the offer belongs to' })
@SessionCheckedInTransaction()
@Controller('compensation-offers/:id')
export class CompensationOffersController {
  constructor(private readonly offers: CompensationOffersService) {}

  @Post('accept')
  @HttpCode(200)
  @Policy('read', 'CompensationOffer') // the decision is checked after the offer is found (404 before 403)
  @ApiOperation({ summary: "Accept an offer; it goes on the client's credit ledger (client_admin)" })
  @ApiForbiddenResponse({ description: 'only the client_admin decides' })
  accept(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DisclosureResponse> {
    return this.offers.accept(actor, id);
  }

  @Post('decline')
  @HttpCode(200)
  @Policy('read', 'CompensationOffer')
  @ApiOperation({ summary: 'Decline an offer, optionally saying why (client_admin)' })
  @ApiForbiddenResponse({ description: 'only the client_admin decides' })
  decline(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DeclineOfferDto): Promise<DisclosureResponse> {
    return this.offers.decline(actor, id, dto);
  }

  @Post('withdraw')
  @HttpCode(200)
  @Policy('update', 'CompensationOffer')
  @ApiOperation({ summary: 'Withdraw an open offer (staff)' })
  withdraw(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DisclosureResponse> {
    return this.offers.withdraw(actor, id);
  }

  @Post('apply')
  @HttpCode(200)
  @Policy('update', 'CompensationOffer')
  @ApiOperation({ summary: 'Mark an accepted offer applied (on an invoice or project) (staff)' })
  apply(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DisclosureResponse> {
    return this.offers.apply(actor, id);
  }
}
