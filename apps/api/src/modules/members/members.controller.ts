import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@candor/domain';
import { CurrentActor, Policy } from '../../common/access.decorators';
import { ActorScope } from '../../common/actor-scope';
import { TenantContext } from '../../common/tenant-context';
import { ListMembersQuery } from './dto/list-members.query';
import { MemberResponse } from './dto/member.response';

@ApiTags('team')
@ApiBearerAuth()
@Controller('members')
export class MembersController {
  constructor(
    private readonly tenant: TenantContext,
    private readonly scopes: ActorScope,
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
    return this.tenant.manager.query(
      `SELECT m.user_id AS "userId", u.display_name AS "displayName", u.email, m.role, m.client_account_id AS "clientAccountId",
              c.name AS "clientName", m.created_at AS "joinedAt"
       FROM memberships m JOIN users u ON u.id = m.user_id
       LEFT JOIN client_accounts c ON c.tenant_id = m.tenant_id AND c.id = m.client_account_id
       WHERE m.tenant_id = $1 AND ($2::text IS NULL OR m.role = $2) AND ($3::uuid IS NULL OR m.client_account_id = $3)
       ORDER BY (m.client_account_id IS NOT NULL), c.name, u.display_name`,
      [actor.tenantId, query.role ?? null, clientAccountId],
    );
  }
}
