import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@candor/domain';
import { CurrentActor, Policy } from '../../common/access.decorators';
import { decodeCursor, encodeCursor } from '../../common/keyset-cursor';
import { TenantContext } from '../../common/tenant-context';
import { presentAuditEvent } from './audit-event.presenter';
import { AuditEventsRepository } from './audit-events.repository';
import { AuditEventPageResponse, ListAuditEventsQuery } from './dto/audit-events.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-events')
export class AuditEventsController {
  constructor(
    private readonly tenant: TenantContext,
    private readonly repository: AuditEventsRepository,
  ) {}

  @Get()
  @Policy('read', 'AuditEvent')
  @ApiOperation({ summary: 'Who did what to which row, newest first, a page at a time (owner, manager)' })
  @ApiOkResponse({ type: AuditEventPageResponse })
  async list(@CurrentActor() actor: Actor, @Query() query: ListAuditEventsQuery): Promise<AuditEventPageResponse> {
    const limit = query.limit ?? 50;
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    const rows = await this.repository.page(this.tenant.manager, actor.tenantId, {
      entityType: query.entityType ?? null,
      entityId: query.entityId ?? null,
      actorId: query.actorId ?? null,
      after,
      take: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(presentAuditEvent),
      nextCursor: rows.length > limit && last ? encodeCursor({ at: last.at, id: last.id }) : null,
    };
  }
}
