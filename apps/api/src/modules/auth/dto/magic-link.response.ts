import { ApiProperty } from '@nestjs/swagger';

export class MagicLinkResponse {
  @ApiProperty({ example: 'If the address can be used, an email is on its way; it tells you what to do next.' }) message: string;
  @ApiProperty({ description: 'send it back with the code and the browserKey' }) challengeId: string;
}
