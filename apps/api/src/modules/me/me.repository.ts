import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { User } from '@candor/db';

/** The signed-in user's own row. */
@Injectable()
export class MeRepository {
  user(manager: EntityManager, userId: string): Promise<User> {
    return manager.findOneByOrFail(User, { id: userId });
  }

  async update(manager: EntityManager, userId: string, patch: Partial<Pick<User, 'displayName' | 'locale' | 'timeZone'>>): Promise<void> {
    await manager.update(User, { id: userId }, patch);
  }
}
