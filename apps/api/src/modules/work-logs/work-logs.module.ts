import { Module } from '@nestjs/common';
import { EngagementsModule } from '../engagements/engagements.module';
import { DisputeResolutionService } from './dispute-resolution.service';
import { NewEntryRepository } from './new-entry.repository';
import { RetainerAlertsService } from './retainer-alerts.service';
import { TimerController } from './timer.controller';
import { TimerService } from './timer.service';
import { WorkLogCommentsService } from './work-log-comments.service';
import { WorkLogsController } from './work-logs.controller';
import { WorkLogsRepository } from './work-logs.repository';
import { WorkLogsService } from './work-logs.service';

@Module({
  imports: [EngagementsModule],
  controllers: [WorkLogsController, TimerController],
  providers: [
    WorkLogsService,
    WorkLogsRepository,
    TimerService,
    WorkLogCommentsService,
    RetainerAlertsService,
    DisputeResolutionService,
    NewEntryRepository,
  ],
  exports: [WorkLogsService, WorkLogsRepository, WorkLogCommentsService, DisputeResolutionService],
})
export class WorkLogsModule {}
