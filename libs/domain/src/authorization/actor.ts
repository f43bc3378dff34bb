import type { Role } from '../roles/role';
import type { ApiKeyScope } from './api-key-scope';

/** The authenticated caller as every rule sees it: one user (or one user's API key) acting inside one tenant. */
export interface Actor {
  userId: string;
  tenantId: string;
  role: Role;
  /** Set for client roles only: the one client account the user belongs to. */
  clientAccountId: string | null;
  /** The sign-in (session) the request came with; absent for actors built outside a request. */
  sessionId?: string;
  /**
   * True while `role` and `clientAccountId` are the access token's, not yet confirmed against the session: the
   * request's tenant transaction confirms them in its opening (JwtStrategy, TenantTransactionInterceptor).
   */
  sessionPending?: boolean;
  /**
   * Set when an integration's API key made the request: the actor is the key, never a person's session.
   * It acts with a manager's scope (the whole tenant) and the rights its `scope` allows; `userId` is the
   * person who created the key, named on rows that need a person (who created, who logged the time).
   */
  apiKey?: { id: string; name: string; scope: ApiKeyScope };
}
