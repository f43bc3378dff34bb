import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { createSecretKey, type KeyObject } from 'node:crypto';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { ROLES, type Actor, type Role } from '@candor/domain';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

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
  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: verificationKey(config.JWT_SECRET),
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  /**
   * The signature is not enough: the session must still be alive and the person still a member, with the
   * role and client account the token names. That is confirmed before the request's first statement runs:
   * in its tenant transaction's opening (the same round trip), or by JwtAuthGuard in a query of its own; the
   * actor stays `sessionPending` until then. A logout, a revoked session, a removal or a role change takes
   * effect on the next request rather than when the token expires.
   */
  validate(claims: AccessTokenClaims): Actor | false {
    const ids = [claims.sub, claims.tid, claims.sid];
    if (!ids.every((id) => typeof id === 'string' && UUID.test(id))) return false;
    if (!(ROLES as readonly string[]).includes(claims.role)) return false;
    if (claims.cid !== null && (typeof claims.cid !== 'string' || !UUID.test(claims.cid))) return false;
    return {
      userId: claims.sub,
      tenantId: claims.tid,
      role: claims.role,
      clientAccountId: claims.cid,
      sessionId: claims.sid,
      sessionPending: true,
    };
  }
}
