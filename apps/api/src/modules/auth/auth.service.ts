import { ConflictException, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Membership, Tenant, User, withTenant } from '@candor/db';
import { DEFAULT_LOCALE } from '@candor/domain';
import type { ClientInfo } from '../../common/client-info.decorator';
import { isUniqueViolation } from '../../common/database-errors';
import { AuditService } from '../audit/audit.service';
import type { LoginDto } from './dto/login.dto';
import type { SignInResponse } from './dto/sign-in.response';
import type { SignUpDto } from './dto/sign-up.dto';
import type { TokenPairResponse } from './dto/token-pair.response';
import { SignInService } from './sign-in.service';
import { TokenService } from './token.service';

export const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id });

@Injectable()
export class AuthService {
  /** Verified against when the email is unknown, so timing does not reveal which emails exist. */
  private readonly dummyHash = hashPassword('not-a-real-password-at-all');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly signIn: SignInService,
  ) {}

  /** Creates a tenant, its owner and the owner's first session, all or nothing. */
  async signUp(dto: SignUpDto): Promise<TokenPairResponse> {
    const tenantId = randomUUID();
    const userId = randomUUID();
    const passwordHash = await hashPassword(dto.password);
    try {
      return await withTenant(this.dataSource, tenantId, async (manager) => {
        await manager.insert(Tenant, {
          id: tenantId,
          name: dto.tenantName.trim(),
          slug: dto.tenantSlug,
          defaultLocale: dto.locale ?? DEFAULT_LOCALE,
          timeZone: dto.timeZone ?? 'UTC',
          settings: {},
        });
        await manager.insert(User, {
          id: userId,
          email: dto.email.toLowerCase(),
          displayName: dto.displayName.trim(),
          passwordHash,
          locale: dto.locale ?? DEFAULT_LOCALE,
        });
        const membership = manager.create(Membership, { tenantId, id: randomUUID(), userId, role: 'owner', clientAccountId: null });
        await manager.insert(Membership, membership);
        await this.audit.record(manager, { tenantId, actorUserId: userId, action: 'tenant.created', entityType: 'tenant', entityId: tenantId });
        return this.tokens.issue(manager, membership, { method: 'sign_up', mfaVerified: false });
      });
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_key')) throw new ConflictException('An account with this email already exists');
      if (isUniqueViolation(error, 'tenants_slug_key')) throw new ConflictException('This workspace address is already taken');
      throw error;
    }
  }

  async login(dto: LoginDto, client: ClientInfo): Promise<SignInResponse> {
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = lower(:email)', { email: dto.email })
      .getOne();
    const valid = await argon2.verify(user?.passwordHash ?? (await this.dummyHash), dto.password);
    if (!user || !valid) throw new UnauthorizedException('Email or password is incorrect');
    const tenantId = await this.signIn.chooseTenant(user.id, { tenantSlug: dto.tenantSlug });
    return this.signIn.complete(user, tenantId, 'password', client);
  }
}
