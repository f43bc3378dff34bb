import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsUUID,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { DISCLOSURE_CATEGORIES, OFFER_KINDS, offerProblemMessage, offerValueProblem, type OfferKind } from '@candor/domain';

@ValidatorConstraint({ name: 'policyOffer' })
class PolicyOfferRule implements ValidatorConstraintInterface {
  validate(_: unknown, args: ValidationArguments): boolean {
    return this.problem(args.object as RemedyPolicyDto) === null;
  }

  defaultMessage(args: ValidationArguments): string {
    return this.problem(args.object as RemedyPolicyDto) ?? '';
  }

  private problem(dto: RemedyPolicyDto): string | null {
    if (!dto.offerKind) return dto.offerValue || dto.offerCurrency ? 'offerValue and offerCurrency need an offerKind' : null;
    if (!OFFER_KINDS.includes(dto.offerKind)) return null;
    const problem = offerValueProblem(dto.offerKind, dto.offerValue, dto.offerCurrency);
    return problem ? offerProblemMessage(problem, dto.offerKind) : null;
  }
}

/** A standing remedy agreed with the client for one category of error, with an optional standing offer. */
export class RemedyPolicyDto {
  @ApiProperty({ example: 'We correct the copy within 24 hours at no charge.' })
  @IsString()
  @Matches(/\S/, { message: 'remedyPlan must say how errors of this kind are put right' })
  @MaxLength(5000)
  remedyPlan: string;

  @ApiProperty({ example: 24, description: 'hours from the disclosure draft to the remedy due date' })
  @IsInt({ message: 'remedyDueHours must be a whole number of hours' })
  @Min(1)
  @Max(8760)
  remedyDueHours: number;

  @ApiPropertyOptional({ enum: OFFER_KINDS })
  @IsOptional()
  @IsIn(OFFER_KINDS, { message: `offerKind must be one of ${OFFER_KINDS.join(', ')}` })
  offerKind?: OfferKind;

  @ApiPropertyOptional({ type: String, example: '10' })
  @Validate(PolicyOfferRule)
  offerValue?: string;

  @ApiPropertyOptional({ example: 'EUR' })
  @IsOptional()
  @IsString()
  offerCurrency?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  offerNote?: string;

  @ApiPropertyOptional({ default: 14, description: 'how many days the standing offer stays open' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  offerValidDays?: number;
}

export class RemedyPolicyResponse {
  @ApiProperty({ enum: DISCLOSURE_CATEGORIES }) category: string;
  @ApiProperty() remedyPlan: string;
  @ApiProperty() remedyDueHours: number;
  @ApiProperty({ type: String, nullable: true, enum: OFFER_KINDS }) offerKind: string | null;
  @ApiProperty({ type: String, nullable: true }) offerValue: string | null;
  @ApiProperty({ type: String, nullable: true }) offerCurrency: string | null;
  @ApiProperty() offerNote: string;
  @ApiProperty() offerValidDays: number;
  @ApiProperty() updatedAt: Date;
}

export class RemedyPolicyParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'engagementId must be an engagement id' })
  engagementId: string;

  @ApiProperty({ enum: DISCLOSURE_CATEGORIES })
  @IsIn(DISCLOSURE_CATEGORIES, { message: `category must be one of ${DISCLOSURE_CATEGORIES.join(', ')}` })
  category: string;
}
