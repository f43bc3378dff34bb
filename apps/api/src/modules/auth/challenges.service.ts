import { BadRequestException, GoneException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomInt, randomUUID } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { AuthChallenge, type ChallengePurpose } from '@candor/db';
import { hashToken, newToken } from '@candor/domain-node';

/** Wrong codes a challenge tolerates before it is spent. */
export const MAX_CODE_ATTEMPTS = 5;

const WHAT: Record<ChallengePurpose, string> = {
  email_confirm: 'confirmation link',
  password_reset: 'password link',
  magic_link: 'sign-in link',
  email_change: 'confirmation link',
};

export interface NewChallenge {
  /** Chosen by the caller when it must answer with the id before the challenge exists. */
  id?: string;
  userId: string;
  purpose: ChallengePurpose;
  ttlMinutes: number;
  tenantId?: string | null;
  /** With a 6-digit code, usable only together with this browser's key. */
  browserKey?: string;
  newEmail?: string;
  nextPath?: string | null;
}

const codeHash = (challengeId: string, code: string) => hashToken(`${challengeId}:${code}`);

/**
 * Single-use secrets sent by email. Stored hashed; using one marks it used in the same UPDATE that
 * finds it, so two concurrent uses cannot both succeed. A new challenge of a purpose retires the
 * person's earlier ones of that purpose (only the latest email works).
 */
@Injectable()
export class ChallengesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(spec: NewChallenge): Promise<{ id: string; token: string; code: string | null }> {
    const id = spec.id ?? randomUUID();
    const token = newToken();
    const code = spec.browserKey ? String(randomInt(0, 1_000_000)).padStart(6, '0') : null;
    const repo = this.dataSource.getRepository(AuthChallenge);
    await repo.update({ userId: spec.userId, purpose: spec.purpose, usedAt: IsNull() }, { usedAt: new Date() });
    await repo.insert({
      id,
      userId: spec.userId,
      purpose: spec.purpose,
      tokenHash: hashToken(token),
      codeHash: code ? codeHash(id, code) : null,
      browserHash: spec.browserKey ? hashToken(spec.browserKey) : null,
      tenantId: spec.tenantId ?? null,
      newEmail: spec.newEmail ?? null,
      nextPath: spec.nextPath ?? null,
      attempts: 0,
      expiresAt: new Date(Date.now() + spec.ttlMinutes * 60_000),
      usedAt: null,
    });
    return { id, token, code };
  }

  /** Uses the link's token once; a used, expired or unknown one is refused with what happened. */
  async useToken(purpose: ChallengePurpose, token: string): Promise<AuthChallenge> {
    const rows: AuthChallenge[] = await this.dataSource
      .createQueryBuilder()
      .update(AuthChallenge)
      .set({ usedAt: () => 'now()' })
      .where('token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > now()', { hash: hashToken(token), purpose })
      .returning('*')
      .execute()
      .then((result) => (result.raw as Record<string, unknown>[]).map((raw) => this.fromRaw(raw)));
    if (rows[0]) return rows[0];
    const known = await this.dataSource.getRepository(AuthChallenge).findOneBy({ tokenHash: hashToken(token), purpose });
    throw this.refusal(purpose, known);
  }

  /**
   * Uses a magic link's 6-digit code once: only from the browser that asked (its key), at most
   * MAX_CODE_ATTEMPTS wrong tries, within the link's lifetime.
   */
  async useCode(challengeId: string, browserKey: string, code: string): Promise<AuthChallenge> {
    const repo = this.dataSource.getRepository(AuthChallenge);
    const challenge = await repo.findOneBy({ id: challengeId, purpose: 'magic_link' });
    if (!challenge || !challenge.codeHash || challenge.browserHash !== hashToken(browserKey)) {
      throw new BadRequestException(
        'This code does not match this sign-in; enter it in the browser where you asked for it, or ask for a new one',
      );
    }
    if (challenge.usedAt || challenge.expiresAt.getTime() <= Date.now() || challenge.attempts >= MAX_CODE_ATTEMPTS) {
      throw this.refusal('magic_link', challenge);
    }
    if (challenge.codeHash !== codeHash(challenge.id, code)) {
      await repo.increment({ id: challenge.id }, 'attempts', 1);
      const left = MAX_CODE_ATTEMPTS - challenge.attempts - 1;
      throw new BadRequestException(
        left > 0
          ? `That code is not right; ${left} tries left`
          : 'That code is not right, and this sign-in is now closed; ask for a new code',
      );
    }
    const used = await repo.update({ id: challenge.id, usedAt: IsNull() }, { usedAt: new Date() });
    if (!used.affected) throw this.refusal('magic_link', { ...challenge, usedAt: new Date() });
    return challenge;
  }

  private refusal(purpose: ChallengePurpose, known: Pick<AuthChallenge, 'usedAt' | 'expiresAt' | 'attempts'> | null) {
    const what = WHAT[purpose];
    if (!known) return new NotFoundException(`This ${what} is not valid; check that you copied all of it, or ask for a new one`);
    if (known.attempts >= MAX_CODE_ATTEMPTS) return new GoneException('Too many wrong codes for this sign-in; ask for a new code');
    if (known.usedAt) return new GoneException(`This ${what} has already been used (or a newer one was sent); ask for a new one`);
    return new GoneException(`This ${what} has expired; ask for a new one`);
  }

  private fromRaw(raw: Record<string, unknown>): AuthChallenge {
    return this.dataSource.getRepository(AuthChallenge).create({
      id: raw['id'] as string,
      userId: raw['user_id'] as string,
      purpose: raw['purpose'] as ChallengePurpose,
      tenantId: (raw['sign_in_tenant_id'] as string | null) ?? null,
      newEmail: (raw['new_email'] as string | null) ?? null,
      nextPath: (raw['next_path'] as string | null) ?? null,
    });
  }
}
