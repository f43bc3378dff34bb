import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REPORT_PERIODS } from '@candor/domain';

export class ShareLinkResponse {
  @ApiProperty() id: string;
  @ApiProperty() engagementId: string;
  @ApiProperty({ enum: REPORT_PERIODS }) period: string;
  @ApiProperty({ example: '2026-11-16' }) periodStart: string;
  @ApiProperty() expiresAt: Date;
  @ApiProperty({ type: Date, nullable: true }) revokedAt: Date | null;
  @ApiProperty() createdAt: Date;
  @ApiPropertyOptional({ description: 'the read-only link; returned once, when created' }) url?: string;
}
