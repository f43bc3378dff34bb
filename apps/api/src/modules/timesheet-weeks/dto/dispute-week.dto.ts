import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, IsUUID, Length, ValidateNested } from 'class-validator';

export class DisputedEntryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'workLogId must be a work log id' })
  workLogId: string;

  @ApiProperty({ example: 'I do not recall a call on Tuesday; can you check?' })
  @IsString()
  @Length(3, 5000, { message: 'comment must say what is wrong (3 to 5000 characters)' })
  comment: string;
}

export class DisputeWeekDto {
  @ApiProperty({ type: [DisputedEntryDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'entries must name at least one disputed entry' })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => DisputedEntryDto)
  entries: DisputedEntryDto[];
}
