import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

/** The text fields of a version upload (multipart); the files travel beside them. */
export class DeliverVersionDto {
  @ApiProperty({ description: 'what changed in this version, for the client' })
  @IsString({ message: 'changeSummary must say what changed' })
  @Matches(/\S/, { message: 'changeSummary must say what changed' })
  @MaxLength(5000, { message: 'changeSummary must be at most 5000 characters' })
  changeSummary: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'a disclosed error of this engagement that this version corrects: it never counts as a revision round',
  })
  @IsOptional()
  @IsUUID('4', { message: 'disclosureId must be a disclosure id' })
  disclosureId?: string;
}

/** The OpenAPI shape of the multipart body. */
export const DELIVER_VERSION_BODY = {
  type: 'object' as const,
  required: ['changeSummary', 'files'],
  properties: {
    changeSummary: { type: 'string' as const, maxLength: 5000 },
    disclosureId: { type: 'string' as const, format: 'uuid' },
    files: { type: 'array' as const, items: { type: 'string' as const, format: 'binary' } },
  },
};
