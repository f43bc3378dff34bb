import { ForbiddenException, Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { scopeNeedsAssignments, scopeOf, ScopeUnavailableError, type Actor, type Assignments, type Scope } from '@candor/domain';
import { TenantContext } from './tenant-context';

const SCOPE = 'actorScope';

/**
 * The caller's scope (libs/domain `scopeOf`), with an assistant's assignments read inside the request's
 * transaction. Read once per request; every repository list and lookup takes it.
 */
@Injectable()
export class ActorScope {
  constructor(
    private readonly cls: ClsService,
    private readonly tenant: TenantContext,
  ) {}

  async of(actor: Actor): Promise<Scope> {
    const cached = this.cls.isActive() ? this.cls.get<{ actor: Actor; scope: Scope } | undefined>(SCOPE) : undefined;
    if (cached && cached.actor === actor) return cached.scope;
    const assignments = scopeNeedsAssignments(actor) ? await this.assignments(actor) : null;
    let scope: Scope;
    try {
      scope = scopeOf(actor, assignments);
    } catch (error) {
      // Fails closed: refused, never widened to the tenant.
      if (error instanceof ScopeUnavailableError)
        throw new ForbiddenException({ code: 'forbidden', message: 'You do not have access to this' });
      throw error;
    }
    if (this.cls.isActive()) this.cls.set(SCOPE, { actor, scope });
    return scope;
  }

  private assignments(actor: Actor): Promise<Assignments[]> {
    return this.tenant.manager.query(
      `SELECT ea.engagement_id AS "engagementId", e.client_account_id AS "clientAccountId"
       FROM engagement_assistants ea JOIN engagements e ON e.tenant_id = ea.tenant_id AND e.id = ea.engagement_id
       WHERE ea.tenant_id = $1 AND ea.user_id = $2`,
      [actor.tenantId, actor.userId],
    );
  }
}
