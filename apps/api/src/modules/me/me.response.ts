import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '@candor/domain';

export class MeUser {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty() locale: string;
  @ApiProperty({ type: String, nullable: true, example: 'Asia/Tokyo', description: "your own time zone; null means the workspace's" })
  timeZone: string | null;
}

export class MeTenant {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
  @ApiProperty({ example: 'Europe/Berlin', description: 'weeks and months are cut in this time zone' }) timeZone: string;
}

export class MeResponse {
  @ApiProperty({ type: MeUser }) user: MeUser;
  @ApiProperty({ type: MeTenant }) tenant: MeTenant;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: String, nullable: true }) clientAccountId: string | null;
}
