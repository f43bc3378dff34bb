import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Length, Max, Min, NotEquals } from 'class-validator';

/** A correction of a locked entry: a new entry of plus or minus some minutes, never an edit. */
export class CreateAdjustmentDto {
  @ApiProperty({ example: -30, description: 'minutes to add (positive) or take off (negative)' })
  @IsInt({ message: 'minutes must be a whole number' })
  @NotEquals(0, { message: 'minutes must not be 0' })
  @Min(-1440)
  @Max(1440)
  minutes: number;

  @ApiProperty({ example: 'Call was logged twice' })
  @IsString()
  @Length(1, 5000)
  notes: string;

  @ApiProperty({ example: 'The 30-minute call on Tuesday was also in the Monday entry' })
  @IsString()
  @Length(3, 1000, { message: 'reason must be 3 to 1000 characters' })
  reason: string;
}
