import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { withTenant, type Membership, type SignInMethod } from '@candor/db';
import { hashToken, newToken } from '@candor/domain-node';
import { API_CONFIG, type ApiConfig } from '../../config/api-config';
import type { AccessTokenClaims } from '../../common/jwt.strategy';
import type { ClientInfo } from '../../common/client-info.decorator';
import { MembersRepository } from '../members/members.repository';
import type { TokenPairResponse } from './dto/token-pair.response';
import { SessionsRepository } from './sessions.repository';
import { TwoFactorPolicy } from './two-factor.policy';
import { UsersRepository } from './users.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A refresh token reads `<tenantId>.<tokenId>.<secret>`: the tenant scopes the lookup, the secret is stored hashed. */
function parseRefreshToken(token: string): { tenantId: string; id: string; secret: string } | null {
  const [tenantId, id, secret, ...rest] = token.split('.');
  if (rest.length || !tenantId || !id || !secret || !UUID.test(tenantId) || !UUID.test(id)) return null;
  return { tenantId, id, secret };
}

type RotateOutcome = { pair: TokenPairResponse } | { error: keyof typeof REFUSALS };

const REFUSALS = {
  invalid: 'The refresh token is not valid',
  reused: 'This refresh token was already used; every session of this sign-in has been ended',
  expired: 'The refresh token has expired; sign in again',
  ended: 'This session has ended; sign in again',
  mfa: 'Your workspace requires two-factor authentication; sign in again with your code',
};

const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** How a new session came about, for the sessions list and the two-factor rule at refresh. */
export interface SessionStart {
  method: SignInMethod;
  mfaVerified: boolean;
  client?: ClientInfo;
}

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly twoFactor: TwoFactorPolicy,
    private readonly sessions: SessionsRepository,
    private readonly members: MembersRepository,
    private readonly users: UsersRepository,
  ) {}

  /** Opens a new session for a membership, inside the caller's tenant transaction. */
  async issue(manager: EntityManager, membership: Membership, start: SessionStart): Promise<TokenPairResponse> {
    const sessionId = randomUUID();
    await this.sessions.open(manager, {
      tenantId: membership.tenantId,
      id: sessionId,
      userId: membership.userId,
      method: start.method,
      mfaVerified: start.mfaVerified,
      userAgent: start.client?.userAgent ?? null,
      ip: start.client?.ip ?? null,
      lastSeenAt: new Date(),
      revokedAt: null,
    });
    return this.pair(manager, membership, sessionId);
  }

  /** A new refresh link and access token for an existing session (the family is the session). */
  private async pair(manager: EntityManager, membership: Membership, sessionId: string): Promise<TokenPairResponse> {
    const id = randomUUID();
    const secret = newToken();
    await this.sessions.addRefreshToken(manager, {
      tenantId: membership.tenantId,
      id,
      familyId: sessionId,
      userId: membership.userId,
      tokenHash: hashToken(secret),
      expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000),
    });
    const claims: AccessTokenClaims = {
      sub: membership.userId,
      tid: membership.tenantId,
      sid: sessionId,
      role: membership.role,
      cid: membership.clientAccountId,
    };
    return {
      accessToken: await this.jwt.signAsync(claims, { expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS }),
      refreshToken: `${membership.tenantId}.${id}.${secret}`,
      expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
    };
  }

  /**
   * Trades a refresh token for a new pair. A token that was already rotated means it leaked:
   * the whole session is revoked (committed) and the caller gets 401. A session without a second
   * factor is refused once the person or the workspace requires one.
   */
  async rotate(token: string): Promise<TokenPairResponse> {
    const parsed = parseRefreshToken(token);
    if (!parsed) throw new UnauthorizedException('The refresh token is not valid');
    // Refusals are returned, not thrown, so the session revocation commits before the 401.
    const outcome = await withTenant(this.dataSource, parsed.tenantId, async (manager): Promise<RotateOutcome> => {
      const row = await this.sessions.refreshToken(manager, parsed.tenantId, parsed.id, true);
      if (!row || !sameHash(row.tokenHash, hashToken(parsed.secret))) return { error: 'invalid' };
      if (row.rotatedAt || row.revokedAt) {
        await this.revokeSession(manager, row.tenantId, row.familyId);
        return { error: row.revokedAt ? 'ended' : 'reused' };
      }
      if (row.expiresAt.getTime() <= Date.now()) return { error: 'expired' };
      const session = await this.sessions.get(manager, row.tenantId, row.familyId);
      const membership = await this.members.findByUser(manager, row.tenantId, row.userId);
      if (!session || session.revokedAt || !membership) {
        await this.revokeSession(manager, row.tenantId, row.familyId);
        return { error: 'ended' };
      }
      if (!session.mfaVerified && (await this.twoFactor.required(manager, membership))) return { error: 'mfa' };
      await this.sessions.rotated(manager, row.tenantId, row.id, session.id);
      return { pair: await this.pair(manager, membership, session.id) };
    });
    if ('pair' in outcome) return outcome.pair;
    throw new UnauthorizedException(REFUSALS[outcome.error]);
  }

  /** Ends the session the token belongs to; an unknown token is ignored (logout is idempotent). */
  async revoke(token: string): Promise<void> {
    const parsed = parseRefreshToken(token);
    if (!parsed) return;
    await withTenant(this.dataSource, parsed.tenantId, async (manager) => {
      const row = await this.sessions.refreshToken(manager, parsed.tenantId, parsed.id);
      if (row && sameHash(row.tokenHash, hashToken(parsed.secret))) await this.revokeSession(manager, row.tenantId, row.familyId);
    });
  }

  /** Ends one session: its refresh tokens stop working at once, its access tokens on their next request. */
  async revokeSession(manager: EntityManager, tenantId: string, sessionId: string): Promise<void> {
    await this.sessions.revoke(manager, tenantId, sessionId);
  }

  /** Ends every session of a person in one workspace, but `keep` (the one asking, when it should stay). */
  async revokeUserSessions(manager: EntityManager, tenantId: string, userId: string, keep?: string): Promise<void> {
    for (const id of await this.sessions.openIds(manager, tenantId, userId, keep)) await this.revokeSession(manager, tenantId, id);
  }

  /** Ends a person's sessions in every workspace they belong to (password reset and change). */
  async revokeEverywhere(userId: string, keep?: { tenantId: string; sessionId: string }): Promise<void> {
    const tenants = await this.users.workspaces(this.dataSource.manager, userId);
    for (const { tenant_id } of tenants) {
      await withTenant(this.dataSource, tenant_id, (manager) =>
        this.revokeUserSessions(manager, tenant_id, userId, keep?.tenantId === tenant_id ? keep.sessionId : undefined),
      );
    }
  }
}
