import { ApiProperty } from '@nestjs/swagger';

/**
 * What a login page needs of the agency whose address it is. Public: only what the agency shows anyone
 * (the brand engineer adds a nullable `brand` object beside these fields).
 */
export class PortalResponse {
  @ApiProperty({ example: 'northwind', description: 'the workspace to sign in to (send it as tenantSlug)' }) slug: string;
  @ApiProperty({ example: 'Northwind Assistants' }) name: string;
}
