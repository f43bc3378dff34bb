import { ApiProperty } from '@nestjs/swagger';

export class SessionResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['password', 'magic_link', 'code', 'sign_up', 'invitation', 'reset'] }) method: string;
  @ApiProperty({ type: String, nullable: true, description: 'the browser or app, as it named itself' }) userAgent: string | null;
  @ApiProperty({ type: String, nullable: true }) ip: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ description: 'the last request, to the minute' }) lastSeenAt: Date;
  @ApiProperty({ description: 'the session this request came with' }) current: boolean;
  @ApiProperty({ description: 'signed in with a second factor' }) mfaVerified: boolean;
}
