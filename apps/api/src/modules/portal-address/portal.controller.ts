import { Controller, Get, HttpCode, NotFoundException, Query, UseGuards } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { SkipThrottle, Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { Public } from '../../common/access.decorators';
import { RequestHost } from '../../common/client-info.decorator';
import { presentBrand } from '../brand/brand.presenter';
import { PortalQuery, TlsAllowedQuery } from './dto/portal.query';
import { PortalResponse } from './dto/portal.response';
import { PortalResolver } from './portal-resolver.service';

const NO_PORTAL = 'There is no agency portal at this address.';

@ApiTags('portal-address')
@Public()
@Controller('portal')
export class PortalController {
  constructor(private readonly resolver: PortalResolver) {}

  @Get()
  @UseGuards(ThrottlerGuard)
  // Per IP only, with room for an office behind one address; the per-account counter reads a body this route has not.
  @SkipThrottle({ account: true })
  @Throttle({ ip: { limit: 120, ttl: 60_000 } })
  @ApiOperation({
    summary: 'The agency a login page belongs to, from the Host header (custom domain or subdomain) or ?slug= (/a/<slug>)',
    description: 'Before sign-in. Only what the agency shows anyone; an unknown address answers 404 with nothing about any agency.',
  })
  @ApiOkResponse({ type: PortalResponse })
  @ApiNotFoundResponse({ description: 'no agency at this address' })
  @ApiTooManyRequestsResponse({ description: 'too many requests; wait and retry' })
  async portal(@Query() query: PortalQuery, @RequestHost() host?: string): Promise<PortalResponse> {
    const byHost = await this.resolver.fromHost(host);
    const bySlug = query.slug ? await this.resolver.bySlug(query.slug) : null;
    // At an agency's own address, another agency's slug finds nothing.
    const tenant = byHost && bySlug && bySlug.tenantId !== byHost.tenantId ? null : (byHost ?? bySlug);
    if (!tenant) throw new NotFoundException(NO_PORTAL);
    const face = await this.resolver.faceOf(tenant);
    return { slug: tenant.slug, name: face.name, brand: presentBrand(face.brand) };
  }

  @Get('tls-allowed')
  @HttpCode(200)
  @ApiOperation({
    summary: "Caddy's on-demand TLS `ask`: 200 for an active custom domain or an agency subdomain, else 404",
    description: 'See docker/Caddyfile. Answers nothing else.',
  })
  @ApiOkResponse({ description: 'a certificate may be issued for this name' })
  @ApiNotFoundResponse({ description: 'not an agency address' })
  async tlsAllowed(@Query() query: TlsAllowedQuery): Promise<void> {
    if (!query.domain || !(await this.resolver.tlsAllowed(query.domain))) throw new NotFoundException(NO_PORTAL);
  }
}
