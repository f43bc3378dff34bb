import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DELIVERY_TROUBLE_STATES, type DeliveryTroubleState } from '@candor/domain';
import { PageQuery } from '../../../common/page.query';

export class ListDeliveryFailuresQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DELIVERY_TROUBLE_STATES, description: 'only failed for good, or only being retried; both when absent' })
  @IsOptional()
  @IsIn(DELIVERY_TROUBLE_STATES, { message: `state must be one of ${DELIVERY_TROUBLE_STATES.join(', ')}` })
  state?: DeliveryTroubleState;
}
