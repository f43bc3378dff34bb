import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class PortalQuery {
  @ApiPropertyOptional({ description: 'the agency of the `/a/<slug>` path; without it the Host header decides', example: 'northwind' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/, { message: 'slug must be a workspace slug' })
  slug?: string;
}

export class TlsAllowedQuery {
  @ApiPropertyOptional({ description: 'the name a certificate is asked for (Caddy on-demand TLS `ask`)', example: 'portal.youragency.com' })
  @IsOptional()
  @Matches(/^[^\s/]{1,253}$/, { message: 'domain must be a domain name' })
  domain?: string;
}
