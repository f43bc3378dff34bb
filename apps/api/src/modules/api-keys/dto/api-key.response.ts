import { ApiProperty } from '@nestjs/swagger';
import { API_KEY_SCOPES, type ApiKeyScope } from '@candor/domain';

class ApiKeyCreatorResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
}

/** A key as lists show it: never its secret, only the first characters. */
export class ApiKeyResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'cnd_live_Ab12', description: 'the first characters of the key, to tell keys apart' }) prefix: string;
  @ApiProperty({ enum: API_KEY_SCOPES }) scope: ApiKeyScope;
  @ApiProperty({ type: ApiKeyCreatorResponse }) createdBy: ApiKeyCreatorResponse;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'noted at most once a minute' }) lastUsedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: Date | null;
}

/** The key just created, with its secret: shown this once, never again. */
export class CreatedApiKeyResponse extends ApiKeyResponse {
  @ApiProperty({ example: 'cnd_live_Ab12…', description: 'the key; send it as `Authorization: Bearer <key>` or `X-Api-Key: <key>`' })
  secret: string;
}
