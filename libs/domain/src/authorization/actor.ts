import type { Role } from '../roles/role';

/** The authenticated caller as every rule sees it: one user acting inside one tenant. */
export interface Actor {
  userId: string;
  tenantId: string;
  role: Role;
  /** Set for client roles only: the one client account the user belongs to. */
  clientAccountId: string | null;
  /** The sign-in (session) the request came with; absent for actors built outside a request. */
  sessionId?: string;
}
