import { ForbiddenException, Injectable } from '@nestjs/common';
import { defineAbilityFor, isClientRole, type Actor } from '@candor/domain';
import { TenantContext } from '../../common/tenant-context';
import type { CommentResponse } from './dto/work-log.response';
import { insertWorkLogComment } from './work-log-comment.writer';
import { presentComment } from './work-log.presenter';
import { WorkLogsRepository } from './work-logs.repository';
import { WorkLogsService } from './work-logs.service';

/** The conversation on an entry (disputes, replies, remarks). Clients see only client-visible comments. */
@Injectable()
export class WorkLogCommentsService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly workLogs: WorkLogsService,
    private readonly repository: WorkLogsRepository,
  ) {}

  async list(actor: Actor, workLogId: string): Promise<CommentResponse[]> {
    await this.workLogs.findVisible(actor, workLogId);
    const rows = await this.repository.comments(this.tenant.manager, actor.tenantId, workLogId, !isClientRole(actor.role));
    return rows.map(presentComment);
  }

  async add(actor: Actor, workLogId: string, body: string): Promise<CommentResponse> {
    const entry = await this.workLogs.findVisible(actor, workLogId);
    if (!defineAbilityFor(actor).can('create', { kind: 'Comment', clientAccountId: entry.clientAccountId })) {
      throw new ForbiddenException('You may not comment here');
    }
    const id = await insertWorkLogComment(this.tenant.manager, actor, workLogId, 'comment', body);
    const comments = await this.list(actor, workLogId);
    const added = comments.find((c) => c.id === id);
    if (!added) throw new Error('The comment just written is not in the list');
    return added;
  }
}
