import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isClientRole, type Actor, type Scope } from '@candor/domain';
import { ActorScope } from './actor-scope';
import { TenantContext } from './tenant-context';

/** A repository whose rows are looked up by id inside the caller's scope, and locked for a change. */
export interface ScopedRows<T> {
  find(manager: EntityManager, scope: Scope, filter: { id: string }): Promise<T[]>;
  lock(manager: EntityManager, tenantId: string, id: string): Promise<void>;
}

/** The row, or 404: a row outside the caller's scope is not revealed to exist. */
export function foundInScope<T>(row: T | null | undefined, noun: string): T {
  if (!row) throw new NotFoundException(`${noun} not found`);
  return row;
}

/**
 * The one way a service finds the object a request names: in the caller's scope or 404, and for a
 * change only the team makes, 403 for a client user after the 404 check.
 */
@Injectable()
export class ScopedLookup {
  constructor(
    private readonly tenant: TenantContext,
    private readonly scopes: ActorScope,
  ) {}

  async visible<T>(actor: Actor, rows: ScopedRows<T>, id: string, noun: string): Promise<T> {
    const [row] = await rows.find(this.tenant.manager, await this.scopes.of(actor), { id });
    return foundInScope(row, noun);
  }

  /** Locks the row for the change, then reads it again: what was read before the lock may be stale. */
  async locked<T>(actor: Actor, rows: ScopedRows<T>, id: string, noun: string): Promise<T> {
    await rows.lock(this.tenant.manager, actor.tenantId, id);
    return this.visible(actor, rows, id, noun);
  }

  /** A row the team works on, optionally locked; a client user gets 404 outside the scope, 403 inside it. */
  async workable<T>(actor: Actor, rows: ScopedRows<T>, id: string, noun: string, lock: boolean): Promise<T> {
    const visible = await this.visible(actor, rows, id, noun);
    if (isClientRole(actor.role)) throw new ForbiddenException(`Only the team changes a ${noun.toLowerCase()}`);
    return lock ? this.locked(actor, rows, id, noun) : visible;
  }
}
