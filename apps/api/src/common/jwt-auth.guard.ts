import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Actor } from '@candor/domain';
import { PUBLIC_ROUTE, SESSION_IN_TRANSACTION } from './access.decorators';
import { SessionCheck } from './session-check';

/**
 * Global: every route needs a valid access token or an integration's API key (modules/api-keys) unless
 * it is marked @Public(). Passport tries the session token first, then the key. A token's session is
 * confirmed here, before anything else of the request runs, unless the route confirms it inside its tenant
 * transaction (@SessionCheckedInTransaction, TenantTransactionInterceptor).
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard(['jwt', 'api-key']) {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessionCheck: SessionCheck,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    if (!(await super.canActivate(context))) return false;
    if (!this.reflector.getAllAndOverride<boolean>(SESSION_IN_TRANSACTION, targets)) {
      await this.sessionCheck.confirm(context.switchToHttp().getRequest<{ user: Actor }>().user);
    }
    return true;
  }
}
