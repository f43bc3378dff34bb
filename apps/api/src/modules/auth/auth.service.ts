import { ConflictException, ForbiddenException, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { withTenant, type User } from '@candor/db';
import { DEFAULT_LOCALE } from '@candor/domain';
import type { ClientInfo } from '../../common/client-info.decorator';
import { isUniqueViolation } from '../../common/database-errors';
import { AuditService } from '../audit/audit.service';
import { MembersRepository } from '../members/members.repository';
import { TenantRepository } from '../tenant/tenant.repository';
import { AuthMailerService, recipientOf } from './auth-mailer.service';
import { ChallengesService } from './challenges.service';
import type { LoginDto } from './dto/login.dto';
import type { SignInResponse } from './dto/sign-in.response';
import type { SignUpDto } from './dto/sign-up.dto';
import { SignInService } from './sign-in.service';
import { hashPassword } from './password-hash.util';
import { UsersRepository } from './users.repository';
import { PortalResolver } from '../portal-address/portal-resolver.service';

export { hashPassword };

export const EMAIL_CONFIRM_TTL_HOURS = 48;

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  /** Verified against when the email is unknown, so timing does not reveal which emails exist. */
  private readonly dummyHash = hashPassword('not-a-real-password-at-all');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly signIn: SignInService,
    private readonly challenges: ChallengesService,
    private readonly mailer: AuthMailerService,
    private readonly users: UsersRepository,
    private readonly tenants: TenantRepository,
    private readonly members: MembersRepository,
    private readonly portals: PortalResolver,
  ) {}

  /**
   * Creates a tenant and its owner, unconfirmed, and emails the confirmation link. An email that
   * already has an account gets the same answer (and the same argon2 work); its owner is told by
   * email what happened, and nothing is created.
   */
  async signUp(dto: SignUpDto): Promise<void> {
    const passwordHash = await hashPassword(dto.password);
    const existing = await this.users.byEmail(this.dataSource.manager, dto.email);
    if (existing) {
      const [first] = await this.users.workspaces(this.dataSource.manager, existing.id);
      if (first)
        await this.mailer.send({
          tenantId: first.tenant_id,
          template: 'signup_existing',
          to: recipientOf(existing),
          link: { path: '/login' },
        });
      return;
    }
    const tenantId = randomUUID();
    const userId = randomUUID();
    const locale = dto.locale ?? DEFAULT_LOCALE;
    try {
      await withTenant(this.dataSource, tenantId, async (manager) => {
        await this.tenants.insert(manager, {
          id: tenantId,
          name: dto.tenantName.trim(),
          slug: dto.tenantSlug,
          defaultLocale: locale,
          timeZone: dto.timeZone ?? 'UTC',
        });
        await this.users.insert(manager, {
          id: userId,
          email: dto.email.toLowerCase(),
          displayName: dto.displayName.trim(),
          passwordHash,
          locale,
          timeZone: dto.timeZone ?? null,
          emailVerifiedAt: null,
        });
        await this.members.insert(manager, { tenantId, id: randomUUID(), userId, role: 'owner', clientAccountId: null });
        await this.audit.record(manager, {
          tenantId,
          actorUserId: userId,
          action: 'tenant.created',
          entityType: 'tenant',
          entityId: tenantId,
        });
      });
    } catch (error) {
      if (isUniqueViolation(error, 'tenants_slug_key')) throw new ConflictException('This workspace address is already taken');
      // Two sign-ups with one email at the same moment: the loser is answered like any known email.
      if (isUniqueViolation(error, 'users_email_key')) return;
      throw error;
    }
    await this.challenges.send(
      { userId, purpose: 'email_confirm', ttlMinutes: EMAIL_CONFIRM_TTL_HOURS * 60, tenantId },
      {
        tenantId,
        template: 'email_confirm',
        to: { email: dto.email.toLowerCase(), userId, displayName: dto.displayName.trim(), locale },
        path: '/confirm-email',
        vars: { expiresHours: EMAIL_CONFIRM_TTL_HOURS },
      },
    );
  }

  /** The confirmation link: the address is proven, and the owner is signed in to the new workspace. */
  async confirmEmail(token: string, client: ClientInfo): Promise<SignInResponse> {
    const challenge = await this.challenges.useToken('email_confirm', token);
    await this.users.update(this.dataSource.manager, challenge.userId, { emailVerifiedAt: new Date() });
    const user = await this.users.get(this.dataSource.manager, challenge.userId);
    const tenantId = await this.signIn.chooseTenant(user.id, { tenantId: challenge.tenantId });
    return this.signIn.complete(user, tenantId, 'sign_up', client, { next: '/' });
  }

  /** At an agency's address only that agency's workspace is signed in to; elsewhere `tenantSlug`, else the first. */
  async login(dto: LoginDto, client: ClientInfo, host?: string): Promise<SignInResponse> {
    const user = await this.users.byEmail(this.dataSource.manager, dto.email, { password: true });
    const valid = await argon2.verify(user?.passwordHash ?? (await this.dummyHash), dto.password);
    if (!user || !valid) throw new UnauthorizedException('Email or password is incorrect');
    if (!user.emailVerifiedAt) {
      throw new ForbiddenException(
        'Confirm your email address first: open the link we emailed you, or sign in with an emailed link instead',
      );
    }
    const portal = await this.portals.fromHost(host);
    if (portal && dto.tenantSlug && dto.tenantSlug !== portal.slug) throw new UnauthorizedException('You have no access to this workspace');
    const tenantId = await this.signIn.chooseTenant(user.id, { tenantSlug: portal?.slug ?? dto.tenantSlug });
    return this.signIn.complete(user, tenantId, 'password', client);
  }

  /**
   * The account of an email and the workspace its emails are sent under: the one of `tenantSlug`, or
   * the oldest membership's; null when there is no account or no such workspace.
   */
  async accountOf(email: string, tenantSlug?: string): Promise<{ user: User; tenantId: string } | null> {
    const user = await this.users.byEmail(this.dataSource.manager, email);
    if (!user) return null;
    const workspaces = await this.users.workspaces(this.dataSource.manager, user.id);
    const workspace = tenantSlug ? workspaces.find((w) => w.tenant_slug === tenantSlug) : workspaces[0];
    return workspace ? { user, tenantId: workspace.tenant_id } : null;
  }

  /** Runs email work after the answer is sent, so a known and an unknown address take the same time. */
  inBackground(what: string, work: () => Promise<void>): void {
    setImmediate(() => {
      work().catch((error: unknown) => this.logger.error(`${what} failed: ${error instanceof Error ? error.message : String(error)}`));
    });
  }
}
