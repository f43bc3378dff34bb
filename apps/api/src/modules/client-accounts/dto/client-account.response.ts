import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ClientAccount } from '@candor/db';

/** What a client user sees of their own account. */
export class ClientAccountResponse {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) billingEmail: string | null;
  @ApiProperty() createdAt: Date;

  static from(row: ClientAccount): ClientAccountResponse {
    return { id: row.id, name: row.name, billingEmail: row.billingEmail, createdAt: row.createdAt };
  }
}

/** Staff also see the internal notes. */
export class StaffClientAccountResponse extends ClientAccountResponse {
  @ApiPropertyOptional({ type: String, nullable: true }) notes: string | null;

  static override from(row: ClientAccount): StaffClientAccountResponse {
    return { ...ClientAccountResponse.from(row), notes: row.notes };
  }
}
