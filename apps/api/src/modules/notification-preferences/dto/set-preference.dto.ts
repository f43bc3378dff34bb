import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { DELIVERY_MODES, type DeliveryMode } from '@candor/domain';

export class SetPreferenceDto {
  @ApiProperty({ enum: DELIVERY_MODES, description: 'immediate: an email each time; digest: in the 08:00 summary; off: no email' })
  @IsIn(DELIVERY_MODES, { message: `mode must be one of ${DELIVERY_MODES.join(', ')}` })
  mode: DeliveryMode;
}
