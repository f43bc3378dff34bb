import { Module } from '@nestjs/common';
import { EngagementsModule } from '../engagements/engagements.module';
import { CompensationOffersController } from './compensation-offers.controller';
import { CompensationOffersRepository } from './compensation-offers.repository';
import { CompensationOffersService } from './compensation-offers.service';
import { DisclosureDraftsService } from './disclosure-drafts.service';
import { DisclosureEventsWriter } from './disclosure-events.writer';
import { DisclosureInsightsController } from './disclosure-insights.controller';
import { DisclosureInsightsRepository } from './disclosure-insights.repository';
import { DisclosureInsightsService } from './disclosure-insights.service';
import { DisclosureLifecycleController } from './disclosure-lifecycle.controller';
import { DisclosureLifecycleService } from './disclosure-lifecycle.service';
import { DisclosureNotifier } from './disclosure.notifier';
import { DisclosuresController } from './disclosures.controller';
import { DisclosuresRepository } from './disclosures.repository';
import { DisclosuresService } from './disclosures.service';
import { FollowUpsController } from './follow-ups.controller';
import { FollowUpsRepository } from './follow-ups.repository';
import { FollowUpsService } from './follow-ups.service';
import { RemedyPoliciesController } from './remedy-policies.controller';
import { RemedyPoliciesRepository } from './remedy-policies.repository';
import { RemedyPoliciesService } from './remedy-policies.service';

@Module({
  imports: [EngagementsModule],
  controllers: [
    DisclosuresController,
    DisclosureLifecycleController,
    CompensationOffersController,
    FollowUpsController,
    RemedyPoliciesController,
    DisclosureInsightsController,
  ],
  providers: [
    DisclosuresRepository,
    CompensationOffersRepository,
    FollowUpsRepository,
    RemedyPoliciesRepository,
    DisclosureInsightsRepository,
    DisclosuresService,
    DisclosureLifecycleService,
    DisclosureDraftsService,
    DisclosureEventsWriter,
    DisclosureNotifier,
    CompensationOffersService,
    FollowUpsService,
    RemedyPoliciesService,
    DisclosureInsightsService,
  ],
})
export class DisclosuresModule {}
