import { isClientRole, type Actor, type TenantSettings } from '@candor/domain';
import type { ActorRef } from './actor-ref';

/** Who a response or email is shaped for: client users (and share-link readers), or the team. */
export type Audience = 'client' | 'staff';

export const audienceOf = (actor: Actor): Audience => (isClientRole(actor.role) ? 'client' : 'staff');

/** The tenant facts every client-facing response and email needs. */
export interface TenantFacts {
  name: string;
  teamName: string;
  settings: TenantSettings;
}

/** How a client user meets the team: as the team, unless the tenant chose to show staff names. */
export interface ClientView {
  teamName: string;
  showStaffNames: boolean;
}

/** A person as a client sees them: `id: null` when shown as the team. */
export interface ShownPerson {
  id: string | null;
  displayName: string;
}

/** The staff's own view: every person by name. */
export const STAFF_VIEW: ClientView = { teamName: '', showStaffNames: true };

export const clientViewOf = (facts: TenantFacts): ClientView => ({
  teamName: facts.teamName,
  showStaffNames: facts.settings.showStaffNames,
});

/** Show the team, not the person: a team member as the client sees them. */
export const shownStaff = (view: ClientView, id: string, displayName: string): ShownPerson =>
  view.showStaffNames ? { id, displayName } : { id: null, displayName: view.teamName };

/** How an email names the person who acted: a team member is the team to a client, unless the tenant shows staff names. */
export function actorNameFor(toClient: boolean, actor: ActorRef | undefined, facts: TenantFacts): string {
  if (!actor) return '';
  return toClient && !actor.isClient && !facts.settings.showStaffNames ? facts.teamName : actor.displayName;
}
