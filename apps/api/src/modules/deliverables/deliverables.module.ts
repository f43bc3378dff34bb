import { Module } from '@nestjs/common';
import { API_CONFIG, type ApiConfig } from '../../config/api-config';
import { EngagementsModule } from '../engagements/engagements.module';
import { DeliverableNotifier } from './deliverable.notifier';
import { DeliverableReviewsController } from './deliverable-reviews.controller';
import { DeliverableReviewsService } from './deliverable-reviews.service';
import { DeliverableVersionsService } from './deliverable-versions.service';
import { DeliverablesController } from './deliverables.controller';
import { DeliverablesRepository } from './deliverables.repository';
import { DeliverablesService } from './deliverables.service';
import { createFileStorage } from './storage/create-file-storage';
import { FILE_STORAGE } from './storage/file-storage';

@Module({
  imports: [EngagementsModule],
  controllers: [DeliverablesController, DeliverableReviewsController],
  providers: [
    DeliverablesRepository,
    DeliverablesService,
    DeliverableVersionsService,
    DeliverableReviewsService,
    DeliverableNotifier,
    { provide: FILE_STORAGE, useFactory: (config: ApiConfig) => createFileStorage(config), inject: [API_CONFIG] },
  ],
})
export class DeliverablesModule {}
