import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { ROLES, type Actor, type Role } from '@candor/domain';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

export interface AccessTokenClaims {
  sub: string;
  tid: string;
  role: Role;
  cid: string | null;
}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.JWT_SECRET,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  validate(claims: AccessTokenClaims): Actor | false {
    if (!claims.sub || !claims.tid || !(ROLES as readonly string[]).includes(claims.role)) return false;
    return { userId: claims.sub, tenantId: claims.tid, role: claims.role, clientAccountId: claims.cid ?? null };
  }
}
