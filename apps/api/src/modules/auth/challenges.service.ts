import { BadRequestException, GoneException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomInt, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AuthChallenge, ChallengePurpose } from '@candor/db';
import { hashToken, newToken } from '@candor/domain-node';
import { AuthChallengesRepository } from './auth-challenges.repository';
import { AuthMailerService, type AccountEmail } from './auth-mailer.service';

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
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly challenges: AuthChallengesRepository,
    private readonly mailer: AuthMailerService,
  ) {}

  /** Issues a challenge and emails its link, the token in the link's query (and the code, if any). */
  async send(spec: NewChallenge, email: Omit<AccountEmail, 'link' | 'secrets'> & { path: string }): Promise<void> {
    const { token, code } = await this.create(spec);
    const { path, ...rest } = email;
    await this.mailer.send({ ...rest, link: { path, query: { token } }, ...(code && { secrets: { code } }) });
  }

  private async create(spec: NewChallenge): Promise<{ token: string; code: string | null }> {
    const id = spec.id ?? randomUUID();
    const token = newToken();
    const code = spec.browserKey ? String(randomInt(0, 1_000_000)).padStart(6, '0') : null;
    await this.challenges.retire(this.db, spec.userId, spec.purpose);
    await this.challenges.insert(this.db, {
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
    return { token, code };
  }

  /** Uses the link's token once; a used, expired or unknown one is refused with what happened. */
  async useToken(purpose: ChallengePurpose, token: string): Promise<AuthChallenge> {
    const used = await this.challenges.useByToken(this.db, purpose, hashToken(token));
    if (used) return used;
    throw this.refusal(purpose, await this.challenges.byToken(this.db, purpose, hashToken(token)));
  }

  /**
   * Uses a magic link's 6-digit code once: only from the browser that asked (its key), at most
   * MAX_CODE_ATTEMPTS wrong tries, within the link's lifetime.
   */
  async useCode(challengeId: string, browserKey: string, code: string): Promise<AuthChallenge> {
    const challenge = await this.challenges.get(this.db, 'magic_link', challengeId);
    if (!challenge || !challenge.codeHash || challenge.browserHash !== hashToken(browserKey)) {
      throw new BadRequestException(
        'This code does not match this sign-in; enter it in the browser where you asked for it, or ask for a new one',
      );
    }
    if (challenge.usedAt || challenge.expiresAt.getTime() <= Date.now() || challenge.attempts >= MAX_CODE_ATTEMPTS) {
      throw this.refusal('magic_link', challenge);
    }
    if (challenge.codeHash !== codeHash(challenge.id, code)) {
      await this.challenges.countWrongCode(this.db, challenge.id);
      const left = MAX_CODE_ATTEMPTS - challenge.attempts - 1;
      throw new BadRequestException(
        left > 0
          ? `That code is not right; ${left} tries left`
          : 'That code is not right, and this sign-in is now closed; ask for a new code',
      );
    }
    if (!(await this.challenges.markUsed(this.db, challenge.id))) throw this.refusal('magic_link', { ...challenge, usedAt: new Date() });
    return challenge;
  }

  private refusal(purpose: ChallengePurpose, known: Pick<AuthChallenge, 'usedAt' | 'expiresAt' | 'attempts'> | null) {
    const what = WHAT[purpose];
    if (!known) return new NotFoundException(`This ${what} is not valid; check that you copied all of it, or ask for a new one`);
    if (known.attempts >= MAX_CODE_ATTEMPTS) return new GoneException('Too many wrong codes for this sign-in; ask for a new code');
    if (known.usedAt) return new GoneException(`This ${what} has already been used (or a newer one was sent); ask for a new one`);
    return new GoneException(`This ${what} has expired; ask for a new one`);
  }

  /** No tenant owns a challenge. */
  private get db() {
    return this.dataSource.manager;
  }
}
