import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { CommentKind, CommentSubject, CommentVisibility } from '../entities/comment.entity';

export interface NewComment {
  tenantId: string;
  subjectType: CommentSubject;
  subjectId: string;
  authorId: string;
  visibility: CommentVisibility;
  kind: CommentKind;
  body: string;
}

/** Appends a comment (comments are never edited); callers have checked that the author may. Returns its id. */
export async function insertComment(manager: EntityManager, c: NewComment): Promise<string> {
  const id = randomUUID();
  await manager.query(
    `INSERT INTO comments (tenant_id, id, subject_type, subject_id, author_id, visibility, kind, body) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [c.tenantId, id, c.subjectType, c.subjectId, c.authorId, c.visibility, c.kind, c.body],
  );
  return id;
}

/** The same comment as an INSERT for a CTE of a statement that writes more beside it (its emails); `id` is the comment's. */
export function commentInsertSql(bind: (value: unknown) => string, c: NewComment & { id: string }): string {
  const values = [c.tenantId, c.id, c.subjectType, c.subjectId, c.authorId, c.visibility, c.kind, c.body].map(bind);
  return `INSERT INTO comments (tenant_id, id, subject_type, subject_id, author_id, visibility, kind, body) VALUES (${values.join(', ')})`;
}
