import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  Validate,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { OFFER_KINDS, offerProblemMessage, offerValueProblem, type OfferKind } from '@candor/domain';
import { IsIsoDateTime } from '../../../common/validation/iso-date';

/** Checks value and currency together against the kind, with the domain's wording. */
@ValidatorConstraint({ name: 'offerValue' })
class OfferValueRule implements ValidatorConstraintInterface {
  validate(_: unknown, args: ValidationArguments): boolean {
    const dto = args.object as CreateOfferDto;
    return !OFFER_KINDS.includes(dto.kind) || offerValueProblem(dto.kind, dto.value, dto.currency) === null;
  }

  defaultMessage(args: ValidationArguments): string {
    const dto = args.object as CreateOfferDto;
    const problem = offerValueProblem(dto.kind, dto.value, dto.currency);
    return problem ? offerProblemMessage(problem, dto.kind) : 'value is not valid for this kind of offer';
  }
}

export class CreateOfferDto {
  @ApiProperty({ enum: OFFER_KINDS })
  @IsIn(OFFER_KINDS, { message: `kind must be one of ${OFFER_KINDS.join(', ')}` })
  kind: OfferKind;

  @ApiPropertyOptional({
    type: String,
    example: '10',
    description:
      'percent (discount_next_project, 1-100), hours (free_hours), days (deadline_extension) or money (credit, refund: up to 2 decimals); none for free_revision',
  })
  @Validate(OfferValueRule)
  value?: string;

  @ApiPropertyOptional({ example: 'EUR', description: 'for credit and refund only' })
  @IsOptional()
  @IsString()
  currency?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional({ example: '2026-12-07T17:00:00Z', description: 'defaults to 14 days from now' })
  @IsOptional()
  @IsIsoDateTime('expiresAt must be a date and time, e.g. 2026-12-07T17:00:00Z')
  expiresAt?: string;
}

export class DeclineOfferDto {
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}
