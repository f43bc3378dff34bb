import { ApiProperty } from '@nestjs/swagger';

/** The one answer to a request that sends an email, whether or not the address has an account. */
export class AcceptedResponse {
  @ApiProperty({ example: 'If the address can be used, an email is on its way; it tells you what to do next.' })
  message: string;
}
