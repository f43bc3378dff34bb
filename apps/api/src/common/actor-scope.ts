import { ForbiddenException, Injectable } from '@nestjs/common';
import { assignedCondition, scopeCondition, type ScopeColumns } from '@candor/db';
import { scopeNeedsAssignments, scopeOf, ScopeUnavailableError, type Actor, type Scope } from '@candor/domain';
import { AssignmentsRepository } from '../modules/engagements/assignments.repository';
import { TenantContext } from './tenant-context';

/**
 * The caller's scope (libs/domain `scopeOf`), with an assistant's assignments read inside the request's
 * transaction. Read once per request; every repository list and lookup takes it.
 */
@Injectable()
export class ActorScope {
  constructor(
    private readonly tenant: TenantContext,
    private readonly assignments: AssignmentsRepository,
  ) {}

  async of(actor: Actor): Promise<Scope> {
    const cached = this.tenant.cachedScope(actor);
    if (cached) return cached;
    const assignments = scopeNeedsAssignments(actor) ? await this.assignments.of(this.tenant.manager, actor.tenantId, actor.userId) : null;
    let scope: Scope;
    try {
      scope = scopeOf(actor, assignments);
    } catch (error) {
      // Fails closed: refused, never widened to the tenant.
      if (error instanceof ScopeUnavailableError)
        throw new ForbiddenException({ code: 'forbidden', message: 'You do not have access to this' });
      throw error;
    }
    this.tenant.cacheScope(actor, scope);
    return scope;
  }

  /**
   * The scope as a condition of one statement on rows of an engagement. An assistant's assignments are
   * read inside that statement (no statement of their own) unless this request has read them already.
   */
  async condition(actor: Actor, columns: Required<ScopeColumns>, bind: (value: unknown) => string): Promise<string> {
    if (scopeNeedsAssignments(actor) && !this.tenant.cachedScope(actor)) {
      return assignedCondition(columns.engagementId, actor.tenantId, actor.userId, bind);
    }
    return scopeCondition(await this.of(actor), columns, bind);
  }
}
