import { ApiPropertyOptional } from '@nestjs/swagger';

/**
 * The answer to a sign-in step: either the token pair, or (when a second factor is needed) a
 * short-lived `mfaToken` to send with the code to POST /auth/two-factor/verify.
 */
export class SignInResponse {
  @ApiPropertyOptional() accessToken?: string;
  @ApiPropertyOptional() refreshToken?: string;
  @ApiPropertyOptional({ description: 'seconds until the access token expires' }) expiresIn?: number;
  @ApiPropertyOptional({ description: 'present when a second factor is needed; valid for 5 minutes' }) mfaToken?: string;
  @ApiPropertyOptional({ description: 'the workspace requires two-factor and this person has not set it up yet' })
  mfaEnrolmentRequired?: boolean;
  @ApiPropertyOptional({ type: [String], description: 'ten recovery codes, when this sign-in just set up two-factor; shown once' })
  recoveryCodes?: string[];
  @ApiPropertyOptional({ description: 'the app page to open after signing in (magic links from notification emails)' }) next?: string;
}
