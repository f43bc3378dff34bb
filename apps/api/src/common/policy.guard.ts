import { ForbiddenException, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { abilityFor, type Actor } from '@candor/domain';
import { POLICY, PUBLIC_ROUTE, type PolicyRule } from './access.decorators';
import { SessionCheck } from './session-check';

/**
 * Global, after authentication: a route runs only if it is public or names a rule the caller's
 * ability allows. A route with neither is refused, so forgetting a rule fails closed.
 */
@Injectable()
export class PolicyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessionCheck: SessionCheck,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const rule = this.reflector.getAllAndOverride<PolicyRule>(POLICY, targets);
    if (!rule) throw new ForbiddenException('This route has no authorization rule');
    const actor = context.switchToHttp().getRequest<{ user: Actor }>().user;
    const allowed = () => abilityFor(actor).can(rule.action, rule.subject);
    // A role the token names may be out of date: confirmed first, a refusal is the current role's.
    if (!allowed() && actor.sessionPending) await this.sessionCheck.confirm(actor);
    if (!allowed()) {
      // Plain words: a role identifier or a subject name means nothing to the person refused.
      throw new ForbiddenException({ code: 'forbidden', message: 'You do not have access to do this' });
    }
    return true;
  }
}
