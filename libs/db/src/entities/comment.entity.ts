import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type CommentSubject = 'work_log' | 'disclosure' | 'deliverable';
export type CommentVisibility = 'client' | 'internal';
export type CommentKind = 'comment' | 'dispute' | 'dispute_reply' | 'remedy_changes';

/** A comment on a work log, disclosure or deliverable; internal ones never reach a client. Append-only. */
@Entity({ name: 'comments' })
export class Comment {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('text', { name: 'subject_type' }) subjectType: CommentSubject;
  @Column('uuid', { name: 'subject_id' }) subjectId: string;
  @Column('uuid', { name: 'author_id' }) authorId: string;
  @Column('text') visibility: CommentVisibility;
  @Column('text') kind: CommentKind;
  @Column('text') body: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
