import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { IsNull, type EntityManager } from 'typeorm';
import { RecoveryCode } from '@candor/db';

/** A person's single-use recovery codes, stored hashed (no tenant owns them): the data source's manager. */
@Injectable()
export class RecoveryCodesRepository {
  /** The person's codes are these from now on; the earlier ones stop working. */
  async replace(manager: EntityManager, userId: string, codeHashes: string[]): Promise<void> {
    await this.removeAll(manager, userId);
    await manager.insert(
      RecoveryCode,
      codeHashes.map((codeHash) => ({ userId, id: randomUUID(), codeHash, usedAt: null })),
    );
  }

  async removeAll(manager: EntityManager, userId: string): Promise<void> {
    await manager.delete(RecoveryCode, { userId });
  }

  unusedCount(manager: EntityManager, userId: string): Promise<number> {
    return manager.countBy(RecoveryCode, { userId, usedAt: IsNull() });
  }

  /** Spends an unused code in one UPDATE; false when there was none. */
  async spend(manager: EntityManager, userId: string, codeHash: string): Promise<boolean> {
    const used = await manager.update(RecoveryCode, { userId, codeHash, usedAt: IsNull() }, { usedAt: new Date() });
    return Boolean(used.affected);
  }
}
