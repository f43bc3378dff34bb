import { Body, Controller, Delete, Get, HttpCode, Inject, Patch, Put, Req, Res, type StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '@candor/domain';
import { CurrentActor, Policy } from '../../common/access.decorators';
import { readUpload } from '../deliverables/storage/read-upload.util';
import { sendLogo } from './brand-logo.reply';
import { presentBrand, presentBrandSettings } from './brand.presenter';
import { BrandService, LOGO_MAX_BYTES } from './brand.service';
import { BrandResponse, BrandSettingsResponse } from './dto/brand.response';
import { UpdateBrandDto } from './dto/update-brand.dto';

const LOGO_BODY = {
  type: 'object',
  required: ['logo'],
  properties: { logo: { type: 'string', format: 'binary', description: 'PNG, JPEG or WebP, at most 512 KiB' } },
};

@ApiTags('brand')
@ApiBearerAuth()
@ApiExtraModels(BrandResponse, BrandSettingsResponse)
@Controller('brand')
export class BrandController {
  constructor(@Inject(BrandService) private readonly service: BrandService) {}

  @Get()
  @Policy('read', 'Brand')
  @ApiOperation({ summary: "The workspace's brand as its members see it (every role); the owner also gets the stored settings" })
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(BrandSettingsResponse) }, { $ref: getSchemaPath(BrandResponse) }] } })
  async get(@CurrentActor() actor: Actor): Promise<BrandResponse | BrandSettingsResponse> {
    const brand = await this.service.get(actor);
    return actor.role === 'owner' ? presentBrandSettings(brand) : presentBrand(brand);
  }

  @Patch()
  @Policy('update', 'Brand')
  @ApiOperation({ summary: 'Change the display name, colour, sender name, reply-to address or footer; null puts the default back (owner)' })
  @ApiOkResponse({ type: BrandSettingsResponse })
  @ApiBadRequestResponse({ description: 'a colour without AA contrast (the measured ratio and a suggested shade), or a malformed field' })
  @ApiForbiddenResponse({ description: 'not the owner' })
  async update(@CurrentActor() actor: Actor, @Body() dto: UpdateBrandDto): Promise<BrandSettingsResponse> {
    return presentBrandSettings(await this.service.update(actor, dto));
  }

  @Put('logo')
  @Policy('update', 'Brand')
  @ApiOperation({ summary: 'Upload or replace the logo: one PNG, JPEG or WebP file, type decided from its bytes (owner)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: LOGO_BODY })
  @ApiOkResponse({ type: BrandSettingsResponse })
  @ApiBadRequestResponse({ description: 'no file, an unsafe file name, or other fields' })
  @ApiPayloadTooLargeResponse({ description: 'over 512 KiB, or more than one file' })
  @ApiUnsupportedMediaTypeResponse({
    description: 'not PNG, JPEG or WebP (SVG included), or a name or declared type that disagrees with the bytes',
  })
  async replaceLogo(@CurrentActor() actor: Actor, @Req() request: FastifyRequest): Promise<BrandSettingsResponse> {
    const brand = await this.service.replaceLogo(actor, () => readUpload(request, { maxFileBytes: LOGO_MAX_BYTES, maxFiles: 1 }));
    return presentBrandSettings(brand);
  }

  @Delete('logo')
  @Policy('update', 'Brand')
  @ApiOperation({ summary: 'Remove the logo: pages and emails show the name again (owner)' })
  @ApiOkResponse({ type: BrandSettingsResponse })
  async removeLogo(@CurrentActor() actor: Actor): Promise<BrandSettingsResponse> {
    return presentBrandSettings(await this.service.removeLogo(actor));
  }

  @Get('logo')
  @HttpCode(200)
  @Policy('read', 'Brand')
  @ApiOperation({ summary: "The workspace's logo image, with an ETag (every role)" })
  @ApiProduces('image/png', 'image/jpeg', 'image/webp')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ description: 'no logo is set' })
  async logo(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile | undefined> {
    return sendLogo(request, reply, await this.service.openLogo(actor), 'private, no-cache');
  }
}
