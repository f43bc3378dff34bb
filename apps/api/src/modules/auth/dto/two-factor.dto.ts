import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsJWT, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class TwoFactorCodeDto {
  @ApiProperty({ example: '123456', description: 'the 6 digits your authenticator app shows' })
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits your app shows' })
  code: string;
}

export class DisableTwoFactorDto {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  currentPassword: string;
}

export class MfaTokenDto {
  @ApiProperty({ description: 'the mfaToken answered by the sign-in step' })
  @IsJWT({ message: 'mfaToken must be the token answered by the sign-in step' })
  mfaToken: string;
}

/** The second step of a sign-in: the app's code, or one of the recovery codes. */
export class VerifyTwoFactorDto extends MfaTokenDto {
  @ApiPropertyOptional({ example: '123456' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits your app shows' })
  code?: string;

  @ApiPropertyOptional({ example: '3f9a1-0c27e', description: 'one of your ten recovery codes, instead of a code' })
  @IsOptional()
  @Matches(/^[0-9a-fA-F]{5}-?[0-9a-fA-F]{5}$/, { message: 'recoveryCode must look like 3f9a1-0c27e' })
  recoveryCode?: string;
}
