import { ApiProperty } from '@nestjs/swagger';
import { BrandResponse } from '../../brand/dto/brand.response';

/** What a login page needs of the agency whose address it is. Public: only what the agency shows anyone. */
export class PortalResponse {
  @ApiProperty({ example: 'northwind', description: 'the workspace to sign in to (send it as tenantSlug)' }) slug: string;
  @ApiProperty({ example: 'Northwind Assistants' }) name: string;
  @ApiProperty({ type: BrandResponse, description: "the agency's brand (Candor's defaults where it set none): logo, colour, footer" })
  brand: BrandResponse;
}
