import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '@candor/domain';

export class MemberResponse {
  @ApiProperty() userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ROLES }) role: string;
  @ApiProperty({ type: String, nullable: true }) clientAccountId: string | null;
  @ApiProperty({ type: String, nullable: true }) clientName: string | null;
  @ApiProperty() joinedAt: Date;
}
