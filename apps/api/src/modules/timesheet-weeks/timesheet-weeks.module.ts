import { Module } from '@nestjs/common';
import { EngagementsModule } from '../engagements/engagements.module';
import { WorkLogsModule } from '../work-logs/work-logs.module';
import { TimesheetWeeksController } from './timesheet-weeks.controller';
import { TimesheetWeeksRepository } from './timesheet-weeks.repository';
import { TimesheetWeeksService } from './timesheet-weeks.service';

@Module({
  imports: [EngagementsModule, WorkLogsModule],
  controllers: [TimesheetWeeksController],
  providers: [TimesheetWeeksService, TimesheetWeeksRepository],
  exports: [TimesheetWeeksRepository],
})
export class TimesheetWeeksModule {}
