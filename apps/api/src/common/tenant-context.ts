import { Injectable } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from 'typeorm';
import type { Actor, Scope } from '@candor/domain';

/** Undoes a side effect outside the database (a stored file) when the transaction does not commit. */
export type RollbackHook = () => Promise<void>;

/** What one authenticated request carries through its handler. */
interface RequestState {
  readonly manager: EntityManager;
  readonly actor: Actor;
  readonly onRollback: RollbackHook[];
  /** The actor's scope once read (ActorScope), so a request reads it at most once. */
  scope?: { actor: Actor; scope: Scope };
}

/** One per process, so every instance of TenantContext (a test may build its own) sees the same request. */
const storage = new AsyncLocalStorage<RequestState>();

const outsideRequest = () => new Error('No tenant transaction: this code must run inside an authenticated request');

/**
 * Request-scoped access to the tenant transaction opened by TenantTransactionInterceptor: Node's
 * AsyncLocalStorage, entered once per request (no per-request guard, interceptor or middleware of its own).
 */
@Injectable()
export class TenantContext {
  run<T>(manager: EntityManager, actor: Actor, work: () => Promise<T>, onRollback: RollbackHook[] = []): Promise<T> {
    return storage.run({ manager, actor, onRollback }, work);
  }

  /** Runs `hook` if the request's transaction rolls back (the handler failed, or the commit did). */
  onRollback(hook: RollbackHook): void {
    const state = storage.getStore();
    if (!state) throw outsideRequest();
    state.onRollback.push(hook);
  }

  /** The tenant-scoped manager; throws outside a tenant transaction instead of running unscoped. */
  get manager(): EntityManager {
    const state = storage.getStore();
    if (!state) throw outsideRequest();
    return state.manager;
  }

  get actor(): Actor {
    const state = storage.getStore();
    if (!state) throw new Error('No actor in context');
    return state.actor;
  }

  /** The scope this request read for `actor` already, if any. */
  cachedScope(actor: Actor): Scope | undefined {
    const cached = storage.getStore()?.scope;
    return cached?.actor === actor ? cached.scope : undefined;
  }

  /** Keeps `scope` for the rest of the request (nothing outside one). */
  cacheScope(actor: Actor, scope: Scope): void {
    const state = storage.getStore();
    if (state) state.scope = { actor, scope };
  }
}
