import { Injectable, NotFoundException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Actor } from '@candor/domain';
import { PUBLIC_ROUTE } from '../../common/access.decorators';
import { PortalResolver } from './portal-resolver.service';

/**
 * Global, after the token check: at an agency's address (its active custom domain or subdomain) only
 * that agency's sessions are served. Another agency's token answers 404, as if nothing were there, so
 * a page at agency A's address can never show agency B's data. Other hosts (the web address) serve all.
 */
@Injectable()
export class PortalHostGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly resolver: PortalResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<{ user?: Actor; headers: Record<string, string | undefined> }>();
    const portal = await this.resolver.fromHost(request.headers['host']);
    if (portal && portal.tenantId !== request.user?.tenantId) throw new NotFoundException('Not found');
    return true;
  }
}
