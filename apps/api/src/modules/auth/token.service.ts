import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { Membership, RefreshToken, withTenant } from '@candor/db';
import { hashToken, newToken } from '@candor/domain';
import { API_CONFIG, type ApiConfig } from '../../config/api-config';
import type { AccessTokenClaims } from '../../common/jwt.strategy';
import type { TokenPairResponse } from './dto/token-pair.response';

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
};

const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** Opens a new session (a new refresh family) for a membership, inside the caller's tenant transaction. */
  async issue(manager: EntityManager, membership: Membership, familyId: string = randomUUID()): Promise<TokenPairResponse> {
    const id = randomUUID();
    const secret = newToken();
    await manager.insert(RefreshToken, {
      tenantId: membership.tenantId,
      id,
      familyId,
      userId: membership.userId,
      tokenHash: hashToken(secret),
      expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000),
    });
    const claims: AccessTokenClaims = {
      sub: membership.userId,
      tid: membership.tenantId,
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
   * the whole family is revoked (committed) and the caller gets 401.
   */
  async rotate(token: string): Promise<TokenPairResponse> {
    const parsed = parseRefreshToken(token);
    if (!parsed) throw new UnauthorizedException('The refresh token is not valid');
    // Refusals are returned, not thrown, so the family revocation commits before the 401.
    const outcome = await withTenant(this.dataSource, parsed.tenantId, async (manager): Promise<RotateOutcome> => {
      const row = await manager.findOne(RefreshToken, {
        where: { tenantId: parsed.tenantId, id: parsed.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row || !sameHash(row.tokenHash, hashToken(parsed.secret))) return { error: 'invalid' };
      if (row.rotatedAt || row.revokedAt) {
        await this.revokeFamily(manager, row);
        return { error: 'reused' };
      }
      if (row.expiresAt.getTime() <= Date.now()) return { error: 'expired' };
      const membership = await manager.findOneBy(Membership, { tenantId: row.tenantId, userId: row.userId });
      if (!membership) {
        await this.revokeFamily(manager, row);
        return { error: 'invalid' };
      }
      await manager.update(RefreshToken, { tenantId: row.tenantId, id: row.id }, { rotatedAt: new Date() });
      return { pair: await this.issue(manager, membership, row.familyId) };
    });
    if ('pair' in outcome) return outcome.pair;
    throw new UnauthorizedException(REFUSALS[outcome.error]);
  }

  /** Ends the session the token belongs to; an unknown token is ignored (logout is idempotent). */
  async revoke(token: string): Promise<void> {
    const parsed = parseRefreshToken(token);
    if (!parsed) return;
    await withTenant(this.dataSource, parsed.tenantId, async (manager) => {
      const row = await manager.findOneBy(RefreshToken, { tenantId: parsed.tenantId, id: parsed.id });
      if (row && sameHash(row.tokenHash, hashToken(parsed.secret))) await this.revokeFamily(manager, row);
    });
  }

  private async revokeFamily(manager: EntityManager, row: RefreshToken): Promise<void> {
    await manager.update(
      RefreshToken,
      { tenantId: row.tenantId, familyId: row.familyId, revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
  }
}
