import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '@candor/domain';
import { CurrentActor, Policy } from '../../common/access.decorators';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyResponse, CreatedApiKeyResponse } from './dto/api-key.response';
import { CreateApiKeyDto } from './dto/create-api-key.dto';

/** Integrations' keys, managed by owners and managers with a session; a key never manages keys (403). */
@ApiTags('api-keys')
@ApiBearerAuth()
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly service: ApiKeysService) {}

  @Get()
  @Policy('read', 'ApiKey')
  @ApiOperation({ summary: "The workspace's API keys, live first, newest first; never a secret (owner, manager)" })
  @ApiOkResponse({ type: [ApiKeyResponse] })
  list(@CurrentActor() actor: Actor): Promise<ApiKeyResponse[]> {
    return this.service.list(actor);
  }

  @Post()
  @Policy('create', 'ApiKey')
  @ApiOperation({ summary: 'Creates an API key with a scope; its secret is in this answer only (owner, manager)' })
  @ApiCreatedResponse({ type: CreatedApiKeyResponse })
  @ApiBadRequestResponse({ description: 'no name, an unknown scope, or an expiry in the past' })
  @ApiForbiddenResponse({ description: 'not an owner or manager, or the request was made with an API key' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateApiKeyDto): Promise<CreatedApiKeyResponse> {
    return this.service.create(actor, dto);
  }

  @Delete(':id')
  @HttpCode(200)
  @Policy('delete', 'ApiKey')
  @ApiOperation({ summary: 'Revokes an API key at once: its next request answers 401 (owner, manager)' })
  @ApiOkResponse({ type: ApiKeyResponse })
  @ApiNotFoundResponse({ description: 'no such key in this workspace' })
  @ApiConflictResponse({ description: 'the key is already revoked' })
  revoke(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ApiKeyResponse> {
    return this.service.revoke(actor, id);
  }
}
