import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, ValidateNested } from 'class-validator';
import { DRAFT_NEXT_STEPS, type DraftNextStep } from '@candor/domain';
import { CreateOfferDto } from './create-offer.dto';

/**
 * What the editor sends beside a draft's words: an offer and the step that follows saving. The API
 * writes all of it in one transaction, so a refused step leaves neither the draft's change nor the offer.
 */
export class DraftNextDto {
  @ApiPropertyOptional({
    type: CreateOfferDto,
    description: 'an offer made with the draft; it reaches the client when the disclosure does',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => CreateOfferDto)
  offer?: CreateOfferDto;

  @ApiPropertyOptional({
    enum: DRAFT_NEXT_STEPS,
    description: 'the lifecycle step taken right after saving; if it is refused, nothing is written',
  })
  @IsOptional()
  @IsIn(DRAFT_NEXT_STEPS, { message: `then must be one of ${DRAFT_NEXT_STEPS.join(', ')}` })
  then?: DraftNextStep;
}
