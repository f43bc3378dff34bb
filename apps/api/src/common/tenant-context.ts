import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@candor/domain';

const MANAGER = 'tenantManager';
const ACTOR = 'actor';
const ROLLBACK = 'onRollback';

/** Undoes a side effect outside the database (a stored file) when the transaction does not commit. */
export type RollbackHook = () => Promise<void>;

/** Request-scoped access to the tenant transaction opened by TenantTransactionInterceptor. */
@Injectable()
export class TenantContext {
  constructor(private readonly cls: ClsService) {}

  run<T>(manager: EntityManager, actor: Actor, work: () => Promise<T>, onRollback: RollbackHook[] = []): Promise<T> {
    return this.cls.run(() => {
      this.cls.set(MANAGER, manager);
      this.cls.set(ACTOR, actor);
      this.cls.set(ROLLBACK, onRollback);
      return work();
    });
  }

  /** Runs `hook` if the request's transaction rolls back (the handler failed, or the commit did). */
  onRollback(hook: RollbackHook): void {
    const hooks = this.cls.isActive() ? this.cls.get<RollbackHook[] | undefined>(ROLLBACK) : undefined;
    if (!hooks) throw new Error('No tenant transaction: this code must run inside an authenticated request');
    hooks.push(hook);
  }

  /** The tenant-scoped manager; throws outside a tenant transaction instead of running unscoped. */
  get manager(): EntityManager {
    const manager = this.cls.isActive() ? this.cls.get<EntityManager | undefined>(MANAGER) : undefined;
    if (!manager) throw new Error('No tenant transaction: this code must run inside an authenticated request');
    return manager;
  }

  get actor(): Actor {
    const actor = this.cls.isActive() ? this.cls.get<Actor | undefined>(ACTOR) : undefined;
    if (!actor) throw new Error('No actor in context');
    return actor;
  }
}
