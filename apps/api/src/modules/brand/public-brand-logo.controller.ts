import { Controller, Get, Inject, Param, ParseUUIDPipe, Req, Res, type StreamableFile } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../common/access.decorators';
import { ParseSha256Pipe } from './parse-sha256.pipe';
import { sendLogo } from './brand-logo.reply';
import { BrandService } from './brand.service';

/**
 * The logo at a public address, for what cannot sign in: emails (mail clients fetch it) and the
 * share-link page. The address names the tenant and the SHA-256 of the bytes, so it is stable while
 * the logo is, changes with it, and cannot be guessed for a logo one has not seen.
 */
@ApiTags('brand')
@Controller('brand/logo')
export class PublicBrandLogoController {
  constructor(@Inject(BrandService) private readonly service: BrandService) {}

  @Get(':tenantId/:sha256')
  @Public()
  @ApiOperation({ summary: 'A workspace logo by its public address (no sign-in); cached for a year, as its address changes with it' })
  @ApiParam({ name: 'sha256', description: 'SHA-256 of the logo bytes, 64 hex digits' })
  @ApiProduces('image/png', 'image/jpeg', 'image/webp')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ description: 'no such workspace, no logo, or another logo than these bytes' })
  async logo(
    @Param('tenantId', ParseUUIDPipe) tenantId: string,
    @Param('sha256', ParseSha256Pipe) sha256: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile | undefined> {
    const logo = await this.service.openPublicLogo(tenantId, sha256);
    // Mail clients and the share-link page load it from other origins.
    reply.header('Cross-Origin-Resource-Policy', 'cross-origin');
    return sendLogo(request, reply, logo, 'public, max-age=31536000, immutable');
  }
}
