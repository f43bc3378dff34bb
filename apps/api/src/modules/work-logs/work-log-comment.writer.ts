import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { CommentKind } from '@candor/db';
import type { Actor } from '@candor/domain';

/** Writes a client-visible comment on an entry; callers have checked that the actor may. */
export async function insertWorkLogComment(manager: EntityManager, actor: Actor, workLogId: string, kind: CommentKind, body: string): Promise<string> {
  const id = randomUUID();
  await manager.query(
    `INSERT INTO comments (tenant_id, id, subject_type, subject_id, author_id, visibility, kind, body) VALUES ($1, $2, 'work_log', $3, $4, 'client', $5, $6)`,
    [actor.tenantId, id, workLogId, actor.userId, kind, body.trim()],
  );
  return id;
}
