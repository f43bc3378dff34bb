import { ApiProperty } from '@nestjs/swagger';
import { IsIsoDate } from '../../../common/validation/iso-date';

/** The accounting period of an export: issue dates from `from` to `to`, both included. */
export class ExportInvoicesQuery {
  @ApiProperty({ example: '2026-03-01', description: 'first issue date included (YYYY-MM-DD)' })
  @IsIsoDate()
  from: string;

  @ApiProperty({ example: '2026-03-31', description: 'last issue date included (YYYY-MM-DD); at most 366 days after from' })
  @IsIsoDate()
  to: string;
}
