import { ApiProperty } from '@nestjs/swagger';
import { IsDecimalAmount } from '../../../common/validation/decimal-amount';
import { IsIsoDate } from '../../../common/validation/iso-date';

export class CreateRateDto {
  @ApiProperty({ example: '50.00' })
  @IsDecimalAmount('hourlyRate')
  hourlyRate: string;

  @ApiProperty({ example: '2027-01-01', description: 'the rate applies to time worked from this date on (tenant time zone)' })
  @IsIsoDate()
  effectiveFrom: string;
}
