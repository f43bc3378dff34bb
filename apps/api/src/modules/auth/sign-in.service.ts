import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { withTenant, type SignInMethod, type User } from '@candor/db';
import type { ClientInfo } from '../../common/client-info.decorator';
import { MembersRepository } from '../members/members.repository';
import type { SignInResponse } from './dto/sign-in.response';
import { TokenService } from './token.service';
import { TwoFactorPolicy } from './two-factor.policy';
import { UsersRepository } from './users.repository';

/** Claims of the token that stands between the first factor and the second. */
export interface MfaTokenClaims {
  typ: 'mfa';
  sub: string;
  tid: string;
  method: SignInMethod;
  next?: string;
}

const MFA_TOKEN_TTL_SECONDS = 300;

/**
 * The end of every way in (password, magic link, code, confirmation link): picks the workspace,
 * asks for the second factor when the person or the workspace requires one, and opens the session.
 */
@Injectable()
export class SignInService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly tokens: TokenService,
    private readonly twoFactor: TwoFactorPolicy,
    private readonly users: UsersRepository,
    private readonly members: MembersRepository,
  ) {}

  /** The workspace: the one asked for (by slug or id), else the person's first. */
  async chooseTenant(userId: string, want: { tenantSlug?: string; tenantId?: string | null }): Promise<string> {
    const memberships = await this.users.workspaces(this.dataSource.manager, userId);
    const chosen = want.tenantSlug
      ? memberships.find((m) => m.tenant_slug === want.tenantSlug)
      : want.tenantId
        ? memberships.find((m) => m.tenant_id === want.tenantId)
        : memberships[0];
    if (!chosen) throw new UnauthorizedException('You have no access to this workspace');
    return chosen.tenant_id;
  }

  /** After the first factor: a session, or the request for the second factor. */
  async complete(
    user: User,
    tenantId: string,
    method: SignInMethod,
    client: ClientInfo,
    extra: { next?: string | null } = {},
  ): Promise<SignInResponse> {
    return withTenant(this.dataSource, tenantId, async (manager) => {
      const membership = await this.members.findByUser(manager, tenantId, user.id);
      if (!membership) throw new UnauthorizedException('You have no access to this workspace');
      const next = extra.next ?? undefined;
      if (await this.twoFactor.required(manager, membership)) {
        const claims: MfaTokenClaims = { typ: 'mfa', sub: user.id, tid: tenantId, method, ...(next && { next }) };
        return {
          mfaToken: await this.jwt.signAsync(claims, { expiresIn: MFA_TOKEN_TTL_SECONDS }),
          mfaEnrolmentRequired: !user.totpEnabledAt,
          ...(next && { next }),
        };
      }
      return { ...(await this.tokens.issue(manager, membership, { method, mfaVerified: false, client })), ...(next && { next }) };
    });
  }

  /** Reads an mfaToken; anything else (an access token, an expired one) is refused. */
  async readMfaToken(token: string): Promise<MfaTokenClaims> {
    const claims = await this.jwt.verifyAsync<MfaTokenClaims>(token, { algorithms: ['HS256'] }).catch(() => null);
    if (!claims || claims.typ !== 'mfa') throw new UnauthorizedException('The two-factor step has expired; sign in again');
    return claims;
  }

  /** The second factor was given: the session opens, marked as verified. */
  async completeVerified(claims: MfaTokenClaims, client: ClientInfo): Promise<SignInResponse> {
    return withTenant(this.dataSource, claims.tid, async (manager) => {
      const membership = await this.members.findByUser(manager, claims.tid, claims.sub);
      if (!membership) throw new UnauthorizedException('You have no access to this workspace');
      const pair = await this.tokens.issue(manager, membership, { method: claims.method, mfaVerified: true, client });
      return { ...pair, ...(claims.next && { next: claims.next }) };
    });
  }
}
