import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import type { User } from '@candor/db';
import type { Actor } from '@candor/domain';
import { isUniqueViolation } from '../../common/database-errors';
import { AuthMailerService, recipientOf } from './auth-mailer.service';
import { AuthService, hashPassword } from './auth.service';
import { ChallengesService } from './challenges.service';
import { TokenService } from './token.service';
import { UsersRepository } from './users.repository';

export const PASSWORD_RESET_TTL_MINUTES = 60;
export const EMAIL_CHANGE_TTL_HOURS = 24;

/** Forgotten and changed passwords, and a changed email address. */
@Injectable()
export class PasswordService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly challenges: ChallengesService,
    private readonly mailer: AuthMailerService,
    private readonly tokens: TokenService,
    private readonly users: UsersRepository,
  ) {}

  /** Answers the same for any address; a known one gets a single-use link (1 hour) by email. */
  requestReset(email: string): void {
    this.auth.inBackground('password reset email', async () => {
      const account = await this.auth.accountOf(email);
      if (!account) return;
      await this.challenges.send(
        { userId: account.user.id, purpose: 'password_reset', ttlMinutes: PASSWORD_RESET_TTL_MINUTES },
        {
          tenantId: account.tenantId,
          template: 'password_reset',
          to: recipientOf(account.user),
          path: '/reset-password',
          vars: { expiresMinutes: PASSWORD_RESET_TTL_MINUTES },
        },
      );
    });
  }

  /** Sets the new password from the emailed link and ends every session, in every workspace. */
  async reset(token: string, password: string): Promise<void> {
    const challenge = await this.challenges.useToken('password_reset', token);
    await this.users.resetPassword(this.dataSource.manager, challenge.userId, await hashPassword(password));
    await this.tokens.revokeEverywhere(challenge.userId);
    await this.notifyChanged(challenge.userId);
  }

  /** Changes the password of the signed-in person; every other session of theirs ends. */
  async change(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.verifiedUser(actor.userId, currentPassword);
    await this.users.update(this.dataSource.manager, user.id, {
      passwordHash: await hashPassword(newPassword),
      passwordChangedAt: new Date(),
    });
    await this.tokens.revokeEverywhere(user.id, actor.sessionId ? { tenantId: actor.tenantId, sessionId: actor.sessionId } : undefined);
    await this.notifyChanged(user.id, actor.tenantId);
  }

  /** Sends a confirmation link to the new address and a notice to the current one; nothing changes yet. */
  async requestEmailChange(actor: Actor, newEmail: string, currentPassword: string): Promise<void> {
    const user = await this.verifiedUser(actor.userId, currentPassword);
    const email = newEmail.trim().toLowerCase();
    if (email === user.email.toLowerCase()) throw new BadRequestException('newEmail is already the address of your account');
    await this.challenges.send(
      { userId: user.id, purpose: 'email_change', ttlMinutes: EMAIL_CHANGE_TTL_HOURS * 60, newEmail: email },
      {
        tenantId: actor.tenantId,
        template: 'email_change_confirm',
        to: { ...recipientOf(user), email },
        path: '/confirm-email-change',
        vars: { newEmail: email, expiresHours: EMAIL_CHANGE_TTL_HOURS },
      },
    );
    await this.mailer.send({
      tenantId: actor.tenantId,
      template: 'email_change_notice',
      to: recipientOf(user),
      link: { path: '/forgot-password' },
      vars: { newEmail: email },
    });
  }

  /** The link from the new address: the account takes it (409 if another account took it meanwhile). */
  async confirmEmailChange(token: string): Promise<void> {
    const challenge = await this.challenges.useToken('email_change', token);
    if (!challenge.newEmail) throw new Error('An email-change challenge is created with the new address');
    try {
      await this.users.update(this.dataSource.manager, challenge.userId, { email: challenge.newEmail, emailVerifiedAt: new Date() });
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_key'))
        throw new ConflictException('This address now belongs to another account; nothing was changed');
      throw error;
    }
  }

  private async verifiedUser(userId: string, password: string): Promise<User> {
    const user = await this.users.withSecrets(this.dataSource.manager, userId, { password: true });
    if (!(await argon2.verify(user.passwordHash, password))) throw new BadRequestException('currentPassword is not your current password');
    return user;
  }

  private async notifyChanged(userId: string, tenantId?: string): Promise<void> {
    const user = await this.users.get(this.dataSource.manager, userId);
    const target = tenantId ?? (await this.users.workspaces(this.dataSource.manager, userId))[0]?.tenant_id;
    if (!target) return;
    await this.mailer.send({
      tenantId: target,
      template: 'password_changed',
      to: recipientOf(user),
      link: { path: '/forgot-password' },
    });
  }
}
