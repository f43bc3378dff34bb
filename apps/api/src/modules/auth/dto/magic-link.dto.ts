import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

export class MagicLinkDto {
  @ApiProperty({ example: 'cleo@acme.example' })
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ description: 'a random secret this browser keeps (at least 22 characters); the emailed code works only with it' })
  @IsString()
  @Length(22, 200, { message: 'browserKey must be a random string of 22 to 200 characters' })
  browserKey: string;

  @ApiPropertyOptional({ description: 'the workspace to sign in to, when the person belongs to several' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/, { message: 'tenantSlug must be a workspace slug' })
  tenantSlug?: string;

  @ApiPropertyOptional({ example: '/disclosures/5f0c…', description: 'the app page to open after signing in; a path of this app' })
  @IsOptional()
  @Matches(/^\/(?!\/)[A-Za-z0-9\-._~/?=&%]{0,499}$/, { message: 'next must be a path of this app, such as /disclosures/…' })
  next?: string;
}
