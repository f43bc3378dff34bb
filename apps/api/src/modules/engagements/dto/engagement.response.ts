import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ENGAGEMENT_STATUSES } from '@candor/domain';
import { WorkingAgreementDto } from './working-agreement.dto';

export class PersonResponse {
  @ApiProperty() id: string;
  @ApiProperty() displayName: string;
}

export class RateResponse {
  @ApiProperty() id: string;
  @ApiProperty({ example: '45.00' }) hourlyRate: string;
  @ApiProperty({ example: '2026-11-01' }) effectiveFrom: string;
  @ApiProperty() createdAt: Date;
}

export class RetainerResponse {
  @ApiProperty({ example: '2026-11', description: 'the month in the tenant time zone' }) month: string;
  @ApiProperty({ example: '20.00' }) hoursPerMonth: string;
  @ApiProperty({ example: '12.50', description: 'billable hours logged this month' }) usedHours: string;
  @ApiProperty({ example: '7.50' }) remainingHours: string;
  @ApiProperty({ example: 63 }) usedPercent: number;
}

export class ConfidentialityResponse {
  @ApiProperty({ type: String, nullable: true }) terms: string | null;
  @ApiProperty({ type: Date, nullable: true }) acceptedAt: Date | null;
  @ApiProperty({ type: PersonResponse, nullable: true }) acceptedBy: PersonResponse | null;
}

export class EngagementResponse {
  @ApiProperty() id: string;
  @ApiProperty() clientAccountId: string;
  @ApiProperty() clientName: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ enum: ENGAGEMENT_STATUSES }) status: string;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ type: RateResponse, nullable: true, description: 'the rate that applies today' }) currentRate: RateResponse | null;
  @ApiProperty() includedRevisionRounds: number;
  @ApiProperty({ type: String, nullable: true, example: '2026-12-31' }) deadline: string | null;
  @ApiPropertyOptional({ type: RetainerResponse, nullable: true }) retainer: RetainerResponse | null;
  @ApiProperty({ type: String, nullable: true, example: '800.00' }) retainerMonthlyFee: string | null;
  @ApiProperty({ type: String, nullable: true, example: '60.00' }) revisionRoundPrice: string | null;
  @ApiProperty({ type: WorkingAgreementDto }) workingAgreement: WorkingAgreementDto;
  @ApiProperty({ type: ConfidentialityResponse }) confidentiality: ConfidentialityResponse;
  @ApiProperty({ type: [PersonResponse] }) assistants: PersonResponse[];
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}
