import { Module, type ExecutionContext } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { API_CONFIG, type ApiConfig } from '../../config/api-config';
import { JwtStrategy } from '../../common/jwt.strategy';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { SessionsController } from './sessions.controller';
import { SignInService } from './sign-in.service';
import { TokenService } from './token.service';
import { TwoFactorPolicy } from './two-factor.policy';

interface LimitedRequest {
  ip: string;
  body?: { email?: unknown; challengeId?: unknown; token?: unknown };
}

/** Who an attempt is about: the email tried, or the challenge or link a code is entered for. */
function accountKey(req: Record<string, unknown>): string {
  const body = (req as unknown as LimitedRequest).body ?? {};
  const key = [body.email, body.challengeId, body.token].find((value) => typeof value === 'string');
  return typeof key === 'string' ? key.trim().toLowerCase() : 'none';
}

/** Password login keeps its own (higher) limits; the email-sending and code routes share the stricter ones. */
const isLogin = (context: ExecutionContext) => context.getHandler().name === 'login';

@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) => ({ secret: config.JWT_SECRET, signOptions: { algorithm: 'HS256' } }),
    }),
    // Two independent limits on every sign-in route (login, sign-up, reset, magic link, code entry):
    // per client IP and per account, so one address cannot be guessed at from many IPs nor many
    // addresses from one IP. Counted in Redis, so the limits hold across API replicas; each route
    // has its own counters.
    ThrottlerModule.forRootAsync({
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) => ({
        storage: new ThrottlerStorageRedisService(config.REDIS_URL, { keyPrefix: config.RATE_LIMIT_REDIS_PREFIX, lazyConnect: true }),
        throttlers: [
          {
            name: 'ip',
            ttl: config.LOGIN_LIMIT_WINDOW_SECONDS * 1000,
            limit: (context) => (isLogin(context) ? config.LOGIN_LIMIT_PER_IP : config.AUTH_LIMIT_PER_IP),
            getTracker: (req) => (req as unknown as LimitedRequest).ip,
          },
          {
            name: 'account',
            ttl: config.LOGIN_LIMIT_WINDOW_SECONDS * 1000,
            limit: (context) => (isLogin(context) ? config.LOGIN_LIMIT_PER_ACCOUNT : config.AUTH_LIMIT_PER_ACCOUNT),
            getTracker: accountKey,
          },
        ],
      }),
    }),
  ],
  controllers: [AuthController, SessionsController],
  providers: [AuthService, TokenService, JwtStrategy, SignInService, TwoFactorPolicy],
  exports: [TokenService, SignInService],
})
export class AuthModule {}
