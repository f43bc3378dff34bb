import { Module } from '@nestjs/common';
import { EngagementsModule } from '../engagements/engagements.module';
import { CompensationOffersController } from './compensation-offers.controller';
import { CompensationOffersService } from './compensation-offers.service';
import { DisclosureDraftsService } from './disclosure-drafts.service';
import { DisclosureEventsWriter } from './disclosure-events.writer';
import { DisclosureInsightsController } from './disclosure-insights.controller';
import { DisclosureInsightsService } from './disclosure-insights.service';
import { DisclosureLifecycleController } from './disclosure-lifecycle.controller';
import { DisclosureLifecycleService } from './disclosure-lifecycle.service';
import { DisclosureNotifier } from './disclosure.notifier';
import { DisclosuresController } from './disclosures.controller';
import { DisclosuresRepository } from './disclosures.repository';
import { DisclosuresService } from './disclosures.service';
import { FollowUpsController } from './follow-ups.controller';
import { FollowUpsService } from './follow-ups.service';
import { RemedyPoliciesController } from './remedy-policies.controller';
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
