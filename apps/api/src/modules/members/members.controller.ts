import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@candor/domain';
import { CurrentActor, Policy } from '../../common/access.decorators';
import { ActorScope } from '../../common/actor-scope';
import { TenantContext } from '../../common/tenant-context';
import { ListMembersQuery } from './dto/list-members.query';
import { MemberResponse } from './dto/member.response';
import { MembersRepository } from './members.repository';

@ApiTags('team')
@ApiBearerAuth()
@Controller('members')
export class MembersController {
  constructor(
    private readonly tenant: TenantContext,
    private readonly scopes: ActorScope,
    private readonly repository: MembersRepository,
  ) {}

  @Get()
  @Policy('read', 'Member')
  @ApiOperation({ summary: "The workspace's people with their roles; client users see their own account's people only" })
  @ApiOkResponse({ type: [MemberResponse] })
  async list(@CurrentActor() actor: Actor, @Query() query: ListMembersQuery): Promise<MemberResponse[]> {
    // People are not engagement objects: staff (an assistant too) see the whole workspace's team. A client
    // user asking for another account gets their own (an empty answer would reveal nothing either).
    const scope = await this.scopes.of(actor);
    const clientAccountId = scope.kind === 'client_account' ? scope.clientAccountId : (query.clientAccountId ?? null);
    return this.repository.list(this.tenant.manager, actor.tenantId, { role: query.role ?? null, clientAccountId });
  }
}
