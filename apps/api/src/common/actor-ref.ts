import type { EntityManager } from 'typeorm';
import { isClientRole, type Actor } from '@candor/domain';

/** Who acted, as an email names them: a team member is named to a client as the team by the notifier. */
export interface ActorRef {
  userId: string;
  displayName: string;
  isClient: boolean;
}

export async function actorRef(manager: EntityManager, actor: Actor): Promise<ActorRef> {
  const [row]: { displayName: string }[] = await manager.query(`SELECT display_name AS "displayName" FROM users WHERE id = $1`, [
    actor.userId,
  ]);
  return { userId: actor.userId, displayName: row?.displayName ?? '', isClient: isClientRole(actor.role) };
}
