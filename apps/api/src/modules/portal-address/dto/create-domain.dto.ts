import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class CreateDomainDto {
  @ApiProperty({ example: 'portal.youragency.com', description: 'a domain name your agency controls (international names are accepted)' })
  @IsString()
  @MinLength(4)
  @MaxLength(253)
  hostname: string;
}
