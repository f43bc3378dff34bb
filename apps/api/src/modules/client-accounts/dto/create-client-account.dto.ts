import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Length, MaxLength } from 'class-validator';

export class CreateClientAccountDto {
  @ApiProperty({ example: 'Acme Ltd' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ example: 'billing@acme.example' })
  @IsOptional()
  @IsEmail({}, { message: 'billingEmail must be a valid email address' })
  billingEmail?: string;

  @ApiPropertyOptional({ description: 'internal notes, never shown to the client' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string;
}
