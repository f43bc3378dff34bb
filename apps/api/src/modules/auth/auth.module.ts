import { Module, type ExecutionContext } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { API_CONFIG, type ApiConfig } from '../../config/api-config';
import { JwtStrategy } from '../../common/jwt.strategy';
import { SessionCheck } from '../../common/session-check';
import { API_KEY_THROTTLER, requestApiKey } from '../api-keys/api-key-rate-limit.guard';
import { MembersRepository } from '../members/members.repository';
import { PortalAddressModule } from '../portal-address/portal-address.module';
import { AccountSecurityController } from './account-security.controller';
import { AuthChallengesRepository } from './auth-challenges.repository';
import { AuthMailerService } from './auth-mailer.service';
import { AuthController } from './auth.controller';
import { ChallengesService } from './challenges.service';
import { MagicLinkController } from './magic-link.controller';
import { MagicLinkService } from './magic-link.service';
import { PasswordController } from './password.controller';
import { PasswordService } from './password.service';
import { RateLimitStorage } from './rate-limit-storage';
import { RecoveryCodesRepository } from './recovery-codes.repository';
import { AuthService } from './auth.service';
import { SessionsController } from './sessions.controller';
import { SessionsRepository } from './sessions.repository';
import { SignInService } from './sign-in.service';
import { TokenService } from './token.service';
import { TwoFactorSignInController } from './two-factor-sign-in.controller';
import { TwoFactorController } from './two-factor.controller';
import { TwoFactorPolicy } from './two-factor.policy';
import { TwoFactorService } from './two-factor.service';
import { UsersRepository } from './users.repository';

interface LimitedRequest {
  ip: string;
  body?: { email?: unknown; challengeId?: unknown; token?: unknown; mfaToken?: unknown };
}

/** The person a two-factor step is for, read (not verified) from the mfaToken, so new tokens share one count. */
function mfaSubject(token: unknown): string | undefined {
  if (typeof token !== 'string') return undefined;
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { sub?: unknown };
    return typeof payload.sub === 'string' ? `mfa:${payload.sub}` : undefined;
  } catch {
    return undefined;
  }
}

/** Who an attempt is about: the email tried, or the challenge or link a code is entered for. */
function accountKey(req: Record<string, unknown>): string {
  const body = (req as unknown as LimitedRequest).body ?? {};
  const key = [body.email, body.challengeId, body.token, mfaSubject(body.mfaToken)].find((value) => typeof value === 'string');
  return typeof key === 'string' ? key.trim().toLowerCase() : 'none';
}

/** Password login keeps its own (higher) limits; the email-sending and code routes share the stricter ones. */
const isLogin = (context: ExecutionContext) => context.getHandler().name === 'login';

@Module({
  imports: [
    PassportModule,
    PortalAddressModule,
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
        storage: new RateLimitStorage(config.REDIS_URL, config.RATE_LIMIT_REDIS_PREFIX),
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
          {
            // Integrations' API keys: one budget a minute per key across every route (ApiKeyRateLimitGuard).
            name: API_KEY_THROTTLER,
            ttl: 60_000,
            limit: config.API_KEY_LIMIT_PER_MINUTE,
            setHeaders: false,
            skipIf: (context) => !requestApiKey(context),
            getTracker: (_req, context) => requestApiKey(context)?.id ?? 'none',
            generateKey: (_context, tracker, name) => `${name}:${tracker}`,
          },
        ],
      }),
    }),
  ],
  controllers: [
    AuthController,
    PasswordController,
    MagicLinkController,
    AccountSecurityController,
    SessionsController,
    TwoFactorController,
    TwoFactorSignInController,
  ],
  providers: [
    AuthService,
    TokenService,
    JwtStrategy,
    SessionCheck,
    SignInService,
    TwoFactorPolicy,
    ChallengesService,
    AuthMailerService,
    PasswordService,
    MagicLinkService,
    TwoFactorService,
    UsersRepository,
    SessionsRepository,
    AuthChallengesRepository,
    RecoveryCodesRepository,
    MembersRepository,
  ],
  exports: [TokenService, SignInService, UsersRepository, MembersRepository, SessionCheck],
})
export class AuthModule {}
