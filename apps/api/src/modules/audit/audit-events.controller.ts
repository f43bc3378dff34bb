import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@candor/domain';
import { CurrentActor, Policy } from '../../common/access.decorators';
import { decodeCursor, encodeCursor } from '../../common/keyset-cursor';
import { TenantContext } from '../../common/tenant-context';
import { AuditEventPageResponse, ListAuditEventsQuery } from './dto/audit-events.dto';

interface AuditRow {
  id: string;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  change: Record<string, unknown>;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-events')
export class AuditEventsController {
  constructor(private readonly tenant: TenantContext) {}

  @Get()
  @Policy('read', 'AuditEvent')
  @ApiOperation({ summary: 'Who did what to which row, newest first, a page at a time (owner, manager)' })
  @ApiOkResponse({ type: AuditEventPageResponse })
  async list(@CurrentActor() actor: Actor, @Query() query: ListAuditEventsQuery): Promise<AuditEventPageResponse> {
    const limit = query.limit ?? 50;
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    const rows: AuditRow[] = await this.tenant.manager.query(
      `SELECT a.id, a.created_at AS at, a.actor_user_id AS "actorId", u.display_name AS "actorName", a.action,
              a.entity_type AS "entityType", a.entity_id AS "entityId", a.change
       FROM audit_events a LEFT JOIN users u ON u.id = a.actor_user_id
       WHERE a.tenant_id = $1 AND ($2::text IS NULL OR a.entity_type = $2) AND ($3::uuid IS NULL OR a.entity_id = $3)
         AND ($4::uuid IS NULL OR a.actor_user_id = $4) AND ($5::timestamptz IS NULL OR (a.created_at, a.id) < ($5, $6::uuid))
       ORDER BY a.created_at DESC, a.id DESC LIMIT $7`,
      [actor.tenantId, query.entityType ?? null, query.entityId ?? null, query.actorId ?? null, after?.at ?? null, after?.id ?? null, limit + 1],
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(({ actorId, actorName, ...row }) => ({ ...row, actor: actorId ? { id: actorId, displayName: actorName ?? '' } : null })),
      nextCursor: rows.length > limit && last ? encodeCursor({ at: last.at, id: last.id }) : null,
    };
  }
}
