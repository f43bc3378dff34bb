import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../../common/page.query';

export const DELIVERY_TROUBLE_STATES = ['failed', 'retrying'] as const;
export type DeliveryTroubleState = (typeof DELIVERY_TROUBLE_STATES)[number];

export class ListDeliveryFailuresQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DELIVERY_TROUBLE_STATES, description: 'only failed for good, or only being retried; both when absent' })
  @IsOptional()
  @IsIn(DELIVERY_TROUBLE_STATES, { message: `state must be one of ${DELIVERY_TROUBLE_STATES.join(', ')}` })
  state?: DeliveryTroubleState;
}
