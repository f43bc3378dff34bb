import { ApiProperty } from '@nestjs/swagger';

/** What every member of the workspace sees of the brand: Candor's defaults filled in. */
export class BrandResponse {
  @ApiProperty({ description: 'the display name, else the workspace name' }) name: string;
  @ApiProperty({ example: '#1f5f5b' }) primaryColor: string;
  @ApiProperty({ example: '#ffffff', description: 'text on a brand-filled surface' }) onPrimary: string;
  @ApiProperty({ type: String, nullable: true, description: 'same-origin URL of the logo, public and cacheable' }) logoUrl: string | null;
  @ApiProperty({ type: String, nullable: true }) footerText: string | null;
  @ApiProperty({ description: 'false while the workspace wears Candor defaults only' }) customized: boolean;
}

export class BrandLogoResponse {
  @ApiProperty() url: string;
  @ApiProperty({ enum: ['image/png', 'image/jpeg', 'image/webp'] }) contentType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty() sha256: string;
}

/** The owner's view: the stored settings beside what they produce. */
export class BrandSettingsResponse extends BrandResponse {
  @ApiProperty({ type: String, nullable: true }) displayName: string | null;
  @ApiProperty({ type: String, nullable: true }) storedColor: string | null;
  @ApiProperty({ type: String, nullable: true }) senderName: string | null;
  @ApiProperty({ type: String, nullable: true }) replyTo: string | null;
  @ApiProperty({ type: String, nullable: true }) storedFooterText: string | null;
  @ApiProperty({ type: BrandLogoResponse, nullable: true }) logo: BrandLogoResponse | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) updatedAt: Date | null;
}
