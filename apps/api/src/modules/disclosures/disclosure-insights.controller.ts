import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@candor/domain';
import { CurrentActor, Policy, SessionCheckedInTransaction } from '../../common/access.decorators';
import { DisclosureInsightsService } from './disclosure-insights.service';
import {
  AnalyticsQuery,
  AnalyticsResponse,
  CreditsResponse,
  LessonResponse,
  LessonsQuery,
  ServiceRecordResponse,
} from './dto/insights.dto';

@ApiTags('disclosures')
@ApiBearerAuth()
@SessionCheckedInTransaction()
@Controller()
export class DisclosureInsightsController {
  constructor(private readonly insights: DisclosureInsightsService) {}

  @Get('client-accounts/:id/service-record')
  @Policy('read', 'ClientAccount')
  @ApiOperation({ summary: "A client's service record: past disclosures, remedies and what we changed afterwards, in plain words" })
  @ApiOkResponse({ type: ServiceRecordResponse })
  @ApiNotFoundResponse({ description: "unknown client account, or not the caller's" })
  serviceRecord(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ServiceRecordResponse> {
    return this.insights.serviceRecord(actor, id);
  }

  @Get('client-accounts/:id/credits')
  @Policy('read', 'CreditLedger')
  @ApiOperation({ summary: "The client's credit ledger: accepted offers, and which are applied" })
  @ApiOkResponse({ type: CreditsResponse })
  @ApiNotFoundResponse({ description: "unknown client account, or not the caller's" })
  credits(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<CreditsResponse> {
    return this.insights.credits(actor, id);
  }

  @Get('disclosure-analytics')
  @Policy('read', 'DisclosureInsights')
  @ApiOperation({ summary: 'Counts by month, category and severity; medians; acceptance rates; compensation (owner, manager)' })
  @ApiOkResponse({ type: AnalyticsResponse })
  analytics(@CurrentActor() actor: Actor, @Query() query: AnalyticsQuery): Promise<AnalyticsResponse> {
    return this.insights.analytics(actor, query);
  }

  @Get('lessons')
  @Policy('read', 'DisclosureInsights')
  @ApiOperation({ summary: 'The library of lessons learned across disclosures, searchable (owner, manager)' })
  @ApiOkResponse({ type: [LessonResponse] })
  lessons(@CurrentActor() actor: Actor, @Query() query: LessonsQuery): Promise<LessonResponse[]> {
    return this.insights.lessons(actor, query);
  }
}
