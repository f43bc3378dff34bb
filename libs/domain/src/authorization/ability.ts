import { AbilityBuilder, createMongoAbility, type MongoAbility } from '@casl/ability';
import type { Actor } from './actor';

export type Action = 'manage' | 'create' | 'read' | 'update' | 'delete';

/** Subjects carry the fields that conditions test; a string subject checks the type only. */
export interface ClientAccountSubject {
  kind: 'ClientAccount';
  id: string;
}
export interface InvitationSubject {
  kind: 'Invitation';
  role: string;
  clientAccountId: string | null;
}
export type SubjectName = 'Tenant' | 'Me' | 'ClientAccount' | 'Invitation' | 'all';
export type Subject = SubjectName | ClientAccountSubject | InvitationSubject;

export type AppAbility = MongoAbility<[Action, Subject]>;

/**
 * The one place where roles turn into permissions. Routes name an (action, subject) pair; services
 * check object-level conditions (a client account id, an invited role) against the same ability.
 */
export function defineAbilityFor(actor: Actor): AppAbility {
  const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  can('read', 'Me');
  switch (actor.role) {
    case 'owner':
      can('manage', 'all');
      break;
    case 'manager':
      can('read', 'Tenant');
      can(['create', 'read', 'update'], 'ClientAccount');
      can('read', 'Invitation');
      can('create', 'Invitation', { role: { $in: ['assistant', 'client_admin', 'client_member'] } });
      break;
    case 'assistant':
      can('read', 'Tenant');
      can('read', 'ClientAccount');
      break;
    case 'client_admin':
      can('read', 'ClientAccount', { id: actor.clientAccountId });
      can('read', 'Invitation', { clientAccountId: actor.clientAccountId });
      can('create', 'Invitation', {
        role: { $in: ['client_admin', 'client_member'] },
        clientAccountId: actor.clientAccountId,
      });
      break;
    case 'client_member':
      can('read', 'ClientAccount', { id: actor.clientAccountId });
      break;
  }
  return build({ detectSubjectType: (s) => (typeof s === 'string' ? s : s.kind) });
}
