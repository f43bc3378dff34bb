import { ApiProperty } from '@nestjs/swagger';

/** The DNS record that proves a domain is the agency's. */
export class TxtRecordResponse {
  @ApiProperty({ example: '_candor-verify.portal.youragency.com' }) name: string;
  @ApiProperty({ example: 'candor-verify=5f0c1e...' }) value: string;
}

export class DomainResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'portal.youragency.com', description: 'lower-case; international names in their ASCII (xn--) form' })
  hostname: string;
  @ApiProperty({
    enum: ['pending', 'active'],
    description: 'active once the TXT record was found; only then does the domain serve the portal',
  })
  status: string;
  @ApiProperty({ type: TxtRecordResponse, description: 'create this TXT record at your DNS provider, then ask for a check' })
  txtRecord: TxtRecordResponse;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) verifiedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastCheckedAt: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'why the last check did not pass, in plain words' }) lastError: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

/** The settings page's view: where the portal is reached now, and the custom domains. */
export class PortalAddressResponse {
  @ApiProperty({ example: 'northwind' }) slug: string;
  @ApiProperty({
    example: 'https://portal.youragency.com',
    description: 'the address emails link to: active domain, else subdomain, else /a/<slug>',
  })
  address: string;
  @ApiProperty({ example: 'https://app.candor.example/a/northwind', description: 'the slug address, which always works' })
  slugAddress: string;
  @ApiProperty({ type: String, nullable: true, example: 'https://northwind.candor.example', description: 'when PORTAL_BASE_DOMAIN is set' })
  subdomainAddress: string | null;
  @ApiProperty({ type: [DomainResponse] }) domains: DomainResponse[];
}
