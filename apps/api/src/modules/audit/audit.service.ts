import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { insertAuditEvent, type AuditEntry } from '@candor/db';

export type { AuditEntry };

/** Appends who did what to which row, in the same transaction as the change (SQL shared with the worker). */
@Injectable()
export class AuditService {
  record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    return insertAuditEvent(manager, entry);
  }
}
