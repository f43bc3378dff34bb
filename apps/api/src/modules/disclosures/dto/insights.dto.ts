import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DISCLOSURE_CATEGORIES, DISCLOSURE_SEVERITIES, OFFER_KINDS } from '@candor/domain';

const MONTH = /^(?!0000)\d{4}-(0[1-9]|1[0-2])$/;

export class AnalyticsQuery {
  @ApiPropertyOptional({ example: '2026-01', description: 'first month (by disclosure creation); default 11 months before `to`' })
  @IsOptional()
  @Matches(MONTH, { message: 'from must be a month like 2026-01' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12', description: 'last month, inclusive; default this month' })
  @IsOptional()
  @Matches(MONTH, { message: 'to must be a month like 2026-12' })
  to?: string;
}

export class LessonsQuery {
  @ApiPropertyOptional({ description: 'words to find in lessons learned, root causes and preventive actions' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: DISCLOSURE_CATEGORIES })
  @IsOptional()
  @IsIn(DISCLOSURE_CATEGORIES, { message: `category must be one of ${DISCLOSURE_CATEGORIES.join(', ')}` })
  category?: string;
}

export class MonthCountResponse {
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiProperty({ enum: DISCLOSURE_CATEGORIES }) category: string;
  @ApiProperty({ enum: DISCLOSURE_SEVERITIES }) severity: string;
  @ApiProperty() count: number;
}

export class MoneyTotalResponse {
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ example: '125.00' }) amount: string;
}

export class AnalyticsResponse {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ type: [MonthCountResponse] }) byMonth: MonthCountResponse[];
  @ApiProperty() disclosures: number;
  @ApiProperty({ type: Number, nullable: true, description: 'median seconds from discovery to disclosure' }) medianTimeToDiscloseSeconds:
    number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'median seconds from disclosure to resolution' }) medianTimeToResolveSeconds:
    number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'share of proposed remedies the client accepted (0-1)' }) remedyAcceptanceRate:
    number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'share of answered offers the client accepted (0-1)' }) offerAcceptanceRate:
    number | null;
  @ApiProperty({ type: [MoneyTotalResponse], description: 'accepted credits and refunds, per currency' })
  compensationTotals: MoneyTotalResponse[];
}

export class LessonResponse {
  @ApiProperty() disclosureId: string;
  @ApiProperty() engagementName: string;
  @ApiProperty() clientName: string;
  @ApiProperty({ enum: DISCLOSURE_CATEGORIES }) category: string;
  @ApiProperty({ enum: DISCLOSURE_SEVERITIES }) severity: string;
  @ApiProperty() rootCause: string;
  @ApiProperty() lessonsLearned: string;
  @ApiProperty() preventiveActions: string;
  @ApiProperty() createdAt: Date;
}

export class ServiceRecordEntryResponse {
  @ApiProperty() disclosureId: string;
  @ApiProperty() engagementName: string;
  @ApiProperty({ enum: DISCLOSURE_CATEGORIES }) category: string;
  @ApiProperty({ enum: DISCLOSURE_SEVERITIES }) severity: string;
  @ApiProperty() status: string;
  @ApiProperty() disclosedAt: Date;
  @ApiProperty({ type: Number, nullable: true }) timeToDiscloseSeconds: number | null;
  @ApiProperty() whatHappened: string;
  @ApiProperty() remedyPlan: string;
  @ApiProperty() resolutionSummary: string;
  @ApiProperty({ description: 'what we changed afterwards, in plain words' }) preventionSummary: string;
  @ApiProperty({ type: Date, nullable: true }) resolvedAt: Date | null;
}

export class ServiceRecordResponse {
  @ApiProperty() clientAccountId: string;
  @ApiProperty() clientName: string;
  @ApiProperty() disclosed: number;
  @ApiProperty() resolved: number;
  @ApiProperty({ type: Number, nullable: true }) medianTimeToDiscloseSeconds: number | null;
  @ApiProperty({ type: [ServiceRecordEntryResponse] }) entries: ServiceRecordEntryResponse[];
}

export class CreditEntryResponse {
  @ApiProperty() id: string;
  @ApiProperty() offerId: string;
  @ApiProperty() disclosureId: string;
  @ApiProperty({ enum: OFFER_KINDS }) kind: string;
  @ApiProperty({ type: String, nullable: true }) value: string | null;
  @ApiProperty({ type: String, nullable: true }) currency: string | null;
  @ApiProperty() description: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: Date, nullable: true }) appliedAt: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'the issued invoice that used this credit' }) usedOnInvoiceId: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'INV-2026-0007' }) usedOnInvoiceNumber: string | null;
}

export class CreditsResponse {
  @ApiProperty({ type: [CreditEntryResponse] }) entries: CreditEntryResponse[];
  @ApiProperty({ type: [MoneyTotalResponse], description: 'money credits and refunds not yet applied, per currency' })
  openMoney: MoneyTotalResponse[];
}
