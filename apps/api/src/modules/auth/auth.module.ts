import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { API_CONFIG, type ApiConfig } from '../../config/api-config';
import { JwtStrategy } from '../../common/jwt.strategy';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { TokenService } from './token.service';

interface LoginRequest {
  ip: string;
  body?: { email?: unknown };
}

@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) => ({ secret: config.JWT_SECRET, signOptions: { algorithm: 'HS256' } }),
    }),
    // Two independent limits on login: per client IP, and per account (the email tried), so one
    // address cannot be guessed at from many IPs nor many addresses from one IP.
    ThrottlerModule.forRootAsync({
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) => [
        {
          name: 'login-ip',
          ttl: config.LOGIN_LIMIT_WINDOW_SECONDS * 1000,
          limit: config.LOGIN_LIMIT_PER_IP,
          getTracker: (req: Record<string, unknown>) => (req as unknown as LoginRequest).ip,
        },
        {
          name: 'login-account',
          ttl: config.LOGIN_LIMIT_WINDOW_SECONDS * 1000,
          limit: config.LOGIN_LIMIT_PER_ACCOUNT,
          getTracker: (req: Record<string, unknown>) => {
            const email = (req as unknown as LoginRequest).body?.email;
            return typeof email === 'string' ? email.trim().toLowerCase() : 'no-email';
          },
        },
      ],
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, TokenService, JwtStrategy],
  exports: [TokenService],
})
export class AuthModule {}
