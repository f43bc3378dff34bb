import { Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import { AuthChallenge, type ChallengePurpose } from '@candor/db';

/** Single-use secrets sent by email (no tenant owns them): the data source's manager. */
@Injectable()
export class AuthChallengesRepository {
  /** Retires the person's unused challenges of the purpose: only the latest email works. */
  async retire(manager: EntityManager, userId: string, purpose: ChallengePurpose): Promise<void> {
    await manager.update(AuthChallenge, { userId, purpose, usedAt: IsNull() }, { usedAt: new Date() });
  }

  async insert(manager: EntityManager, values: Omit<AuthChallenge, 'createdAt'>): Promise<void> {
    await manager.insert(AuthChallenge, values);
  }

  /**
   * Marks the unused, unexpired challenge of this token used in the same UPDATE that finds it, so two
   * concurrent uses cannot both succeed; undefined when there is none.
   */
  async useByToken(manager: EntityManager, purpose: ChallengePurpose, tokenHash: string): Promise<AuthChallenge | undefined> {
    const result = await manager
      .createQueryBuilder()
      .update(AuthChallenge)
      .set({ usedAt: () => 'now()' })
      .where('token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > now()', { hash: tokenHash, purpose })
      .returning('*')
      .execute();
    const [raw] = result.raw as Record<string, unknown>[];
    return raw && fromRaw(manager, raw);
  }

  byToken(manager: EntityManager, purpose: ChallengePurpose, tokenHash: string): Promise<AuthChallenge | null> {
    return manager.findOneBy(AuthChallenge, { tokenHash, purpose });
  }

  get(manager: EntityManager, purpose: ChallengePurpose, id: string): Promise<AuthChallenge | null> {
    return manager.findOneBy(AuthChallenge, { id, purpose });
  }

  async countWrongCode(manager: EntityManager, id: string): Promise<void> {
    await manager.increment(AuthChallenge, { id }, 'attempts', 1);
  }

  /** Marks the challenge used unless it already was; false when another use came first. */
  async markUsed(manager: EntityManager, id: string): Promise<boolean> {
    const used = await manager.update(AuthChallenge, { id, usedAt: IsNull() }, { usedAt: new Date() });
    return Boolean(used.affected);
  }
}

/** The columns a use needs, from the row an UPDATE ... RETURNING gave back. */
function fromRaw(manager: EntityManager, raw: Record<string, unknown>): AuthChallenge {
  return manager.create(AuthChallenge, {
    id: raw['id'] as string,
    userId: raw['user_id'] as string,
    purpose: raw['purpose'] as ChallengePurpose,
    tenantId: (raw['sign_in_tenant_id'] as string | null) ?? null,
    newEmail: (raw['new_email'] as string | null) ?? null,
    nextPath: (raw['next_path'] as string | null) ?? null,
  });
}
