import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
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
import { CurrentActor, Policy, ReadsOnly, SessionCheckedInTransaction } from '../../common/access.decorators';
import { CreateEngagementDto } from './dto/create-engagement.dto';
import { CreateRateDto } from './dto/create-rate.dto';
import { EngagementResponse, RateResponse } from './dto/engagement.response';
import { ListEngagementsQuery } from './dto/list-engagements.query';
import { UpdateEngagementDto } from './dto/update-engagement.dto';
import { EngagementsService } from './engagements.service';

@ApiTags('engagements')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'unknown, or not visible to the caller' })
@SessionCheckedInTransaction()
@Controller('engagements')
export class EngagementsController {
  constructor(private readonly service: EngagementsService) {}

  @Get()
  @ReadsOnly()
  @Policy('read', 'Engagement')
  @ApiOperation({ summary: "Engagements: all for staff, their own account's for a client user" })
  @ApiOkResponse({ type: [EngagementResponse] })
  list(@CurrentActor() actor: Actor, @Query() query: ListEngagementsQuery): Promise<EngagementResponse[]> {
    return this.service.list(actor, query);
  }

  @Get(':id')
  @Policy('read', 'Engagement')
  @ApiOperation({ summary: 'One engagement with its current rate, retainer usage, agreement and assistants' })
  @ApiOkResponse({ type: EngagementResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<EngagementResponse> {
    return this.service.get(actor, id);
  }

  @Post()
  @Policy('create', 'Engagement')
  @ApiOperation({ summary: 'Create an engagement for a client account (owner, manager)' })
  @ApiCreatedResponse({ type: EngagementResponse })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateEngagementDto): Promise<EngagementResponse> {
    return this.service.create(actor, dto);
  }

  @Patch(':id')
  @Policy('update', 'Engagement')
  @ApiOperation({ summary: 'Edit an engagement; changed confidentiality terms need a new acceptance (owner, manager)' })
  @ApiOkResponse({ type: EngagementResponse })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateEngagementDto,
  ): Promise<EngagementResponse> {
    return this.service.update(actor, id, dto);
  }

  @Post(':id/confidentiality/accept')
  @HttpCode(200)
  // Route-level read only: acceptance is checked after the engagement is found, so a stranger gets 404, not 403.
  @Policy('read', 'Engagement')
  @ApiOperation({ summary: 'Accept the confidentiality terms; records who and when (client_admin)' })
  @ApiOkResponse({ type: EngagementResponse })
  @ApiForbiddenResponse({ description: 'only the client_admin accepts' })
  @ApiConflictResponse({ description: 'no terms, or already accepted' })
  acceptConfidentiality(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<EngagementResponse> {
    return this.service.acceptConfidentiality(actor, id);
  }

  @Get(':id/rates')
  @Policy('read', 'Engagement')
  @ApiOperation({ summary: 'The hourly rates with the dates they apply from, newest first' })
  @ApiOkResponse({ type: [RateResponse] })
  rates(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<RateResponse[]> {
    return this.service.rates(actor, id);
  }

  @Post(':id/rates')
  @Policy('update', 'Engagement')
  @ApiOperation({ summary: 'Add a rate from a date on; entries already logged keep their rate (owner, manager)' })
  @ApiCreatedResponse({ type: RateResponse })
  @ApiConflictResponse({ description: 'a rate already starts on that date' })
  addRate(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateRateDto): Promise<RateResponse> {
    return this.service.addRate(actor, id, dto);
  }
}
