import { ForbiddenException, Injectable } from '@nestjs/common';
import { defineAbilityFor, isClientRole, type Actor } from '@candor/domain';
import { TenantContext } from '../../common/tenant-context';
import type { CommentResponse } from './dto/work-log.response';
import { insertWorkLogComment } from './work-log-comment.writer';
import { WorkLogsService } from './work-logs.service';

/** The conversation on an entry (disputes, replies, remarks). Clients see only client-visible comments. */
@Injectable()
export class WorkLogCommentsService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly workLogs: WorkLogsService,
  ) {}

  async list(actor: Actor, workLogId: string): Promise<CommentResponse[]> {
    await this.workLogs.findVisible(actor, workLogId);
    const rows: (Omit<CommentResponse, 'author'> & { authorId: string; authorName: string })[] = await this.tenant.manager.query(
      `SELECT c.id, c.kind, c.visibility, c.body, c.created_at AS "createdAt", c.author_id AS "authorId", u.display_name AS "authorName"
       FROM comments c JOIN users u ON u.id = c.author_id
       WHERE c.tenant_id = $1 AND c.subject_type = 'work_log' AND c.subject_id = $2 AND ($3::boolean OR c.visibility = 'client')
       ORDER BY c.created_at, c.id`,
      [actor.tenantId, workLogId, !isClientRole(actor.role)],
    );
    return rows.map(({ authorId, authorName, ...c }) => ({ ...c, author: { id: authorId, displayName: authorName } }));
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
