import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerException, ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerRequest } from '@nestjs/throttler';
import type { Actor } from '@candor/domain';

/** The throttler (configured with the others in AuthModule) that counts each API key's requests. */
export const API_KEY_THROTTLER = 'apiKey';

/** The key a request was authenticated with, if any. */
export function requestApiKey(context: ExecutionContext): Actor['apiKey'] {
  return context.switchToHttp().getRequest<{ user?: Actor }>().user?.apiKey;
}

/**
 * Global, after authentication: each API key has one budget per window across every route, counted in
 * Redis (the throttler's storage, shared by API replicas). Over it: 429 with Retry-After. Requests made
 * with a session are not counted here; the sign-in routes keep their own limits.
 */
@Injectable()
export class ApiKeyRateLimitGuard extends ThrottlerGuard {
  protected override handleRequest(request: ThrottlerRequest): Promise<boolean> {
    return request.throttler.name === API_KEY_THROTTLER ? super.handleRequest(request) : Promise.resolve(true);
  }

  protected override throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const response = context.switchToHttp().getResponse<{ header(name: string, value: string): void }>();
    response.header('Retry-After', String(Math.max(1, detail.timeToBlockExpire)));
    throw new ThrottlerException(`Too many requests with this API key: at most ${detail.limit} a minute; try again shortly`);
  }
}
