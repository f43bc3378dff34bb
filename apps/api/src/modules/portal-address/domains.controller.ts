import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '@candor/domain';
import { CurrentActor, Policy } from '../../common/access.decorators';
import { DomainsService } from './domains.service';
import { CreateDomainDto } from './dto/create-domain.dto';
import { DomainResponse, PortalAddressResponse } from './dto/domain.response';

@ApiTags('portal-address')
@ApiBearerAuth()
@Controller('domains')
export class DomainsController {
  constructor(private readonly service: DomainsService) {}

  @Get()
  @Policy('read', 'PortalDomain')
  @ApiOperation({ summary: "The workspace's portal addresses: the slug address, the subdomain and the custom domains (owner)" })
  @ApiOkResponse({ type: PortalAddressResponse })
  list(@CurrentActor() actor: Actor): Promise<PortalAddressResponse> {
    return this.service.overview(actor);
  }

  @Post()
  @Policy('create', 'PortalDomain')
  @ApiOperation({
    summary: 'Add a custom domain (owner); it stays pending until its TXT record is checked',
    description: 'Refuses IP addresses, local names, Candor’s own names and malformed names (400).',
  })
  @ApiCreatedResponse({ type: DomainResponse, description: 'pending, with the TXT record to create' })
  @ApiBadRequestResponse({ description: 'not a public domain name this workspace may use' })
  @ApiConflictResponse({ description: 'another agency uses it, it is added already, or the workspace has its maximum' })
  add(@CurrentActor() actor: Actor, @Body() dto: CreateDomainDto): Promise<DomainResponse> {
    return this.service.add(actor, dto.hostname);
  }

  @Post(':id/verify')
  @HttpCode(200)
  @Policy('update', 'PortalDomain')
  @ApiOperation({ summary: 'Look up the TXT record now: active when it holds the value, else pending with the reason (owner)' })
  @ApiOkResponse({ type: DomainResponse })
  @ApiNotFoundResponse({ description: 'no such domain in this workspace' })
  @ApiConflictResponse({ description: "the domain serves another agency's portal" })
  verify(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DomainResponse> {
    return this.service.verify(actor, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @Policy('delete', 'PortalDomain')
  @ApiOperation({ summary: 'Remove a custom domain; the portal falls back to its subdomain or slug address (owner)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'no such domain in this workspace' })
  async remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.service.remove(actor, id);
  }
}
