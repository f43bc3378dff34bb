import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { User } from '@candor/db';
import type { ClientInfo } from '../../common/client-info.decorator';
import { AuthMailerService } from './auth-mailer.service';
import { AuthService } from './auth.service';
import { ChallengesService } from './challenges.service';
import type { MagicLinkDto } from './dto/magic-link.dto';
import type { SignInResponse } from './dto/sign-in.response';
import { SignInService } from './sign-in.service';
import { findUserByEmail, tenantsOf } from './user-lookup';

export const MAGIC_LINK_TTL_MINUTES = 15;

/** Passwordless sign-in: an emailed link and a 6-digit code, either usable once within 15 minutes. */
@Injectable()
export class MagicLinkService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly challenges: ChallengesService,
    private readonly mailer: AuthMailerService,
    private readonly signIn: SignInService,
  ) {}

  /**
   * Answers at once with a challenge id, whether or not the address has an account (the email, or
   * its absence, is the only difference); the lookup and the email happen after the answer.
   */
  request(dto: MagicLinkDto): string {
    const challengeId = randomUUID();
    this.auth.inBackground('magic link email', async () => {
      const user = await findUserByEmail(this.dataSource, dto.email);
      if (!user) return;
      const tenants = await tenantsOf(this.dataSource, user.id);
      const tenant = dto.tenantSlug ? tenants.find((t) => t.tenant_slug === dto.tenantSlug) : tenants[0];
      if (!tenant) return;
      const { token, code } = await this.challenges.create({
        id: challengeId,
        userId: user.id,
        purpose: 'magic_link',
        ttlMinutes: MAGIC_LINK_TTL_MINUTES,
        tenantId: tenant.tenant_id,
        browserKey: dto.browserKey,
        nextPath: dto.next ?? null,
      });
      if (!code) throw new Error('A magic-link challenge is created with a code');
      await this.mailer.send({
        tenantId: tenant.tenant_id,
        template: 'magic_link',
        to: { email: user.email, userId: user.id, displayName: user.displayName, locale: user.locale },
        link: { path: '/magic-link', query: { token } },
        vars: { expiresMinutes: MAGIC_LINK_TTL_MINUTES },
        secrets: { code },
      });
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
    const users = this.dataSource.getRepository(User);
    await users
      .createQueryBuilder()
      .update()
      .set({ emailVerifiedAt: () => 'coalesce(email_verified_at, now())' })
      .where('id = :userId', { userId })
      .execute();
    const user = await users.findOneByOrFail({ id: userId });
    const chosen = await this.signIn.chooseTenant(user.id, { tenantId });
    return this.signIn.complete(user, chosen, method, client, { next });
  }
}
