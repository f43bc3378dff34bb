import { SetMetadata, applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';
import { apiKeysMayPass, type Action, type Actor, type SubjectName } from '@candor/domain';

export const PUBLIC_ROUTE = 'candor:public';
export const POLICY = 'candor:policy';

export interface PolicyRule {
  action: Action;
  subject: SubjectName;
}

/** Marks a route reachable without a token (sign-up, login, invitation acceptance, health). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

export const SESSION_IN_TRANSACTION = 'candor:session-in-transaction';
/**
 * The routes of a controller so marked confirm the caller's session inside their tenant transaction, in the same
 * round trip as its first statement, instead of in a query of its own before it (see JwtAuthGuard). Only for
 * handlers that reach the database through the tenant transaction alone, and do nothing outside it (a file
 * store, another service) before their first statement: nothing of theirs may run unconfirmed.
 */
export const SessionCheckedInTransaction = () => SetMetadata(SESSION_IN_TRANSACTION, true);

export const READS_ONLY = 'candor:reads-only';
/**
 * A route that only reads: each of its statements runs in a read-only transaction of its own, opened and
 * committed in the statement's own round trip (withTenant's `readOnly`). A write in it fails loudly (25006).
 */
export const ReadsOnly = () => SetMetadata(READS_ONLY, true);

/** The security scheme of integrations' API keys in the OpenAPI document. */
export const API_KEY_SECURITY = 'apiKey';

/**
 * The rule a caller's ability must satisfy; every non-public route needs one. A rule some API key scope
 * may pass also lists key authentication in the OpenAPI document, so the document follows the abilities.
 */
export const Policy = (action: Action, subject: SubjectName) =>
  applyDecorators(
    SetMetadata(POLICY, { action, subject } satisfies PolicyRule),
    ...(apiKeysMayPass(action, subject) ? [ApiSecurity(API_KEY_SECURITY)] : []),
  );

/** The authenticated actor, as the JWT strategy decoded it. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<{ user: Actor }>().user;
});
