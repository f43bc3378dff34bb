import { Module } from '@nestjs/common';
import { BrandModule } from '../brand/brand.module';
import { EngagementsModule } from '../engagements/engagements.module';
import { WorkLogsModule } from '../work-logs/work-logs.module';
import { ShareLinksRepository } from './share-links.repository';
import { ShareLinksService } from './share-links.service';
import { SharedReportsController } from './shared-reports.controller';
import { TimesheetsController } from './timesheets.controller';
import { TimesheetsRepository } from './timesheets.repository';
import { TimesheetsService } from './timesheets.service';

@Module({
  imports: [EngagementsModule, WorkLogsModule, BrandModule],
  controllers: [TimesheetsController, SharedReportsController],
  providers: [TimesheetsService, TimesheetsRepository, ShareLinksService, ShareLinksRepository],
})
export class TimesheetsModule {}
