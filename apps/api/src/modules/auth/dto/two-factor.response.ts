import { ApiProperty } from '@nestjs/swagger';

export class TwoFactorSetupResponse {
  @ApiProperty({ description: 'the secret, for typing into an app by hand' }) secret: string;
  @ApiProperty({ example: 'otpauth://totp/Candor:ada%40example.com?secret=...&issuer=Candor' }) otpauthUri: string;
  @ApiProperty({ description: 'the same as a QR code image (data: URL, SVG)' }) qrCodeDataUrl: string;
}

export class RecoveryCodesResponse {
  @ApiProperty({ type: [String], description: 'ten single-use codes; shown once, store them safely' }) recoveryCodes: string[];
}

export class TwoFactorStatusResponse {
  @ApiProperty() enabled: boolean;
  @ApiProperty() recoveryCodesLeft: number;
  @ApiProperty({ description: 'the workspace requires two-factor of staff' }) requiredByWorkspace: boolean;
}
