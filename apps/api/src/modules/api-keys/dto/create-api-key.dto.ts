import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { API_KEY_SCOPES, type ApiKeyScope } from '@candor/domain';
import { IsIsoDateTime } from '../../../common/validation/iso-date';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'Toggl sync', description: 'what the key is for, shown in the list' })
  @IsString()
  @Length(1, 100)
  @Matches(/\S/, { message: 'name must not be empty: say what the key is for' })
  name: string;

  @ApiProperty({
    enum: API_KEY_SCOPES,
    description:
      'read_only: every read a manager may make; time_entries: reads and work logs, timers and weeks; ' +
      'disclosures: reads and disclosures, offers and follow-ups; full: what a manager may do. No key reaches the ' +
      'profile, sessions, two-factor, API keys or people and their roles.',
  })
  @IsIn(API_KEY_SCOPES)
  scope: ApiKeyScope;

  @ApiPropertyOptional({ example: '2027-01-01T00:00:00Z', description: 'when the key stops working; never when left out' })
  @IsOptional()
  @IsIsoDateTime('expiresAt must be a date and time, e.g. 2027-01-01T00:00:00Z')
  expiresAt?: string;
}
