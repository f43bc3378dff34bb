import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class ListWebhookDeliveriesQuery {
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200, description: 'how many of the newest attempts' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
