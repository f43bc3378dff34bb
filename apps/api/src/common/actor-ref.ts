import type { EntityManager } from 'typeorm';
import { isClientRole, type Actor } from '@candor/domain';
import { UsersRepository } from '../modules/auth/users.repository';

// The repository holds no state; callers (in every module that notifies) pass only their manager.
const users = new UsersRepository();

/** Who acted, as an email names them: a team member is named to a client as the team by the notifier. */
export interface ActorRef {
  userId: string;
  displayName: string;
  isClient: boolean;
}

export async function actorRef(manager: EntityManager, actor: Actor): Promise<ActorRef> {
  const displayName = await users.displayName(manager, actor.userId);
  return { userId: actor.userId, displayName: displayName ?? '', isClient: isClientRole(actor.role) };
}
