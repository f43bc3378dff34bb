import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AuditEvent } from '@candor/db';

export interface AuditEntry {
  tenantId: string;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  change?: Record<string, unknown>;
}

/** Appends who did what to which row, in the same transaction as the change. */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.save(manager.create(AuditEvent, { id: randomUUID(), change: {}, ...entry }));
  }
}
