import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

export const INVOICE_STATUSES = ['draft', 'issued', 'sent', 'paid', 'void'] as const;

export class ListInvoicesQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('4', { message: 'clientAccountId must be a client account id' })
  clientAccountId?: string;

  @ApiPropertyOptional({ enum: INVOICE_STATUSES })
  @IsOptional()
  @IsIn(INVOICE_STATUSES, { message: `status must be one of ${INVOICE_STATUSES.join(', ')}` })
  status?: (typeof INVOICE_STATUSES)[number];
}
