import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { InjectDataSource } from '@nestjs/typeorm';
import { createSecretKey, type KeyObject } from 'node:crypto';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { DataSource } from 'typeorm';
import { ROLES, type Actor, type Role } from '@candor/domain';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { SessionsRepository } from '../modules/auth/sessions.repository';

export interface AccessTokenClaims {
  sub: string;
  tid: string;
  /** The session (refresh family) this token belongs to; checked on every request. */
  sid: string;
  role: Role;
  cid: string | null;
}

/**
 * The secret as a KeyObject, made once at boot. Given a string, jsonwebtoken first tries it as a public
 * key on every request (a thrown and caught error) before making a secret key of it: about 8 % of the
 * API's CPU time for a read. @types/passport-jwt names only string | Buffer, but the value reaches
 * jsonwebtoken's verify untouched, which takes a KeyObject.
 */
function verificationKey(secret: string): Buffer {
  const key: KeyObject = createSecretKey(Buffer.from(secret, 'utf8'));
  return key as unknown as Buffer;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(
    @Inject(API_CONFIG) config: ApiConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsRepository,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: verificationKey(config.JWT_SECRET),
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  /**
   * The signature is not enough: the session must still be alive and the person still a member.
   * The role comes from the membership as it is now, so a role change or a removal, a logout or a
   * revoked session takes effect on the next request rather than when the token expires.
   */
  async validate(claims: AccessTokenClaims): Promise<Actor | false> {
    if (!claims.sub || !claims.tid || !claims.sid || !UUID.test(claims.tid) || !UUID.test(claims.sid) || !UUID.test(claims.sub))
      return false;
    const row = await this.sessions.actor(this.dataSource.manager, claims.tid, claims.sid, claims.sub);
    if (!row || !(ROLES as readonly string[]).includes(row.role)) {
      throw new UnauthorizedException('Your session has ended; sign in again');
    }
    return {
      userId: claims.sub,
      tenantId: claims.tid,
      role: row.role as Role,
      clientAccountId: row.client_account_id,
      sessionId: claims.sid,
    };
  }
}
