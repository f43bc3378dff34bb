import type { EntityManager } from 'typeorm';
import { insertComment, type CommentKind } from '@candor/db';
import type { Actor } from '@candor/domain';

/** Writes a client-visible comment on an entry; callers have checked that the actor may. */
export function insertWorkLogComment(
  manager: EntityManager,
  actor: Actor,
  workLogId: string,
  kind: CommentKind,
  body: string,
): Promise<string> {
  return insertComment(manager, {
    tenantId: actor.tenantId,
    subjectType: 'work_log',
    subjectId: workLogId,
    authorId: actor.userId,
    visibility: 'client',
    kind,
    body: body.trim(),
  });
}
