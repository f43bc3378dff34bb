import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { ClientInfo } from '../../common/client-info.decorator';
import { recipientOf } from './auth-mailer.service';
import { AuthService } from './auth.service';
import { ChallengesService } from './challenges.service';
import type { MagicLinkDto } from './dto/magic-link.dto';
import type { SignInResponse } from './dto/sign-in.response';
import { SignInService } from './sign-in.service';
import { UsersRepository } from './users.repository';

export const MAGIC_LINK_TTL_MINUTES = 15;

/** Passwordless sign-in: an emailed link and a 6-digit code, either usable once within 15 minutes. */
@Injectable()
export class MagicLinkService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly challenges: ChallengesService,
    private readonly signIn: SignInService,
    private readonly users: UsersRepository,
  ) {}

  /**
   * Answers at once with a challenge id, whether or not the address has an account (the email, or
   * its absence, is the only difference); the lookup and the email happen after the answer.
   */
  request(dto: MagicLinkDto): string {
    const challengeId = randomUUID();
    this.auth.inBackground('magic link email', async () => {
      const account = await this.auth.accountOf(dto.email, dto.tenantSlug);
      if (!account) return;
      const { user, tenantId } = account;
      await this.challenges.send(
        {
          id: challengeId,
          userId: user.id,
          purpose: 'magic_link',
          ttlMinutes: MAGIC_LINK_TTL_MINUTES,
          tenantId,
          browserKey: dto.browserKey,
          nextPath: dto.next ?? null,
        },
        { tenantId, template: 'magic_link', to: recipientOf(user), path: '/magic-link', vars: { expiresMinutes: MAGIC_LINK_TTL_MINUTES } },
      );
    });
    return challengeId;
  }

  async redeemLink(token: string, client: ClientInfo): Promise<SignInResponse> {
    const challenge = await this.challenges.useToken('magic_link', token);
    return this.finish(challenge.userId, challenge.tenantId, challenge.nextPath, 'magic_link', client);
  }

  async redeemCode(challengeId: string, browserKey: string, code: string, client: ClientInfo): Promise<SignInResponse> {
    const challenge = await this.challenges.useCode(challengeId, browserKey, code);
    return this.finish(challenge.userId, challenge.tenantId, challenge.nextPath, 'code', client);
  }

  /** The email reached its owner: the address counts as confirmed, and the sign-in continues. */
  private async finish(userId: string, tenantId: string | null, next: string | null, method: 'magic_link' | 'code', client: ClientInfo) {
    await this.users.confirmEmail(this.dataSource.manager, userId);
    const user = await this.users.get(this.dataSource.manager, userId);
    const chosen = await this.signIn.chooseTenant(user.id, { tenantId });
    return this.signIn.complete(user, chosen, method, client, { next });
  }
}
