import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { isClientRole, type Actor } from '@candor/domain';
import { CurrentActor, Policy } from '../../common/access.decorators';
import { TenantContext } from '../../common/tenant-context';
import { ListMembersQuery } from './dto/list-members.query';
import { MemberResponse } from './dto/member.response';

@ApiTags('team')
@ApiBearerAuth()
@Controller('members')
export class MembersController {
  constructor(private readonly tenant: TenantContext) {}

  @Get()
  @Policy('read', 'Member')
  @ApiOperation({ summary: "The workspace's people with their roles; client users see their own account's people only" })
  @ApiOkResponse({ type: [MemberResponse] })
  list(@CurrentActor() actor: Actor, @Query() query: ListMembersQuery): Promise<MemberResponse[]> {
    // A client user asking for another account gets their own (an empty answer would reveal nothing either).
    const clientAccountId = isClientRole(actor.role) ? actor.clientAccountId : (query.clientAccountId ?? null);
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
