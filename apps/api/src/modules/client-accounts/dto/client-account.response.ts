import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** What a client user sees of their own account. */
export class ClientAccountResponse {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) billingEmail: string | null;
  @ApiProperty({ type: String, nullable: true }) billingAddress: string | null;
  @ApiProperty({ type: String, nullable: true }) taxId: string | null;
  @ApiProperty({ type: String, nullable: true, example: '19.00' }) taxRate: string | null;
  @ApiProperty() reverseCharge: boolean;
  @ApiProperty() createdAt: Date;
}

/** Staff also see the internal notes. */
export class StaffClientAccountResponse extends ClientAccountResponse {
  @ApiPropertyOptional({ type: String, nullable: true }) notes: string | null;
}
