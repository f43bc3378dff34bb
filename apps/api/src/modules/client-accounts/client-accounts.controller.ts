import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '@candor/domain';
import { CurrentActor, Policy } from '../../common/access.decorators';
import { presentClientAccount } from './client-account.presenter';
import { ClientAccountsService } from './client-accounts.service';
import { ClientAccountResponse, StaffClientAccountResponse } from './dto/client-account.response';
import { CreateClientAccountDto } from './dto/create-client-account.dto';
import { UpdateClientAccountDto } from './dto/update-client-account.dto';

@ApiTags('client-accounts')
@ApiBearerAuth()
@Controller('client-accounts')
export class ClientAccountsController {
  constructor(private readonly service: ClientAccountsService) {}

  @Get()
  @Policy('read', 'ClientAccount')
  @ApiOperation({ summary: 'Client accounts: all for staff, their own for a client user' })
  @ApiOkResponse({ type: [StaffClientAccountResponse] })
  async list(@CurrentActor() actor: Actor): Promise<ClientAccountResponse[]> {
    return (await this.service.list(actor)).map((row) => presentClientAccount(actor, row));
  }

  @Get(':id')
  @Policy('read', 'ClientAccount')
  @ApiOperation({ summary: 'One client account' })
  @ApiOkResponse({ type: StaffClientAccountResponse })
  @ApiNotFoundResponse({ description: 'unknown, or not visible to the caller' })
  async get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ClientAccountResponse> {
    return presentClientAccount(actor, await this.service.get(actor, id));
  }

  @Post()
  @Policy('create', 'ClientAccount')
  @ApiOperation({ summary: 'Create a client account (owner, manager)' })
  @ApiCreatedResponse({ type: StaffClientAccountResponse })
  @ApiConflictResponse({ description: 'the name is taken' })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateClientAccountDto): Promise<ClientAccountResponse> {
    return presentClientAccount(actor, await this.service.create(actor, dto));
  }

  @Patch(':id')
  @Policy('update', 'ClientAccount')
  @ApiOperation({ summary: 'Edit a client account (owner, manager)' })
  @ApiOkResponse({ type: StaffClientAccountResponse })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateClientAccountDto,
  ): Promise<ClientAccountResponse> {
    return presentClientAccount(actor, await this.service.update(actor, id, dto));
  }
}
