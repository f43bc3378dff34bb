import { OmitType, PartialType } from '@nestjs/swagger';
import { CreateEngagementDto } from './create-engagement.dto';

/** The client, currency and rate do not change here: rates change through the rates endpoint, from a date on. */
export class UpdateEngagementDto extends PartialType(
  OmitType(CreateEngagementDto, ['clientAccountId', 'currency', 'hourlyRate'] as const),
) {}
