import { Module, RequestMethod, type DynamicModule } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import { dataSourceOptions, namePreparedStatements } from '@candor/db';
import type { PoolClient } from 'pg';
import { GracefulShutdown } from './common/graceful-shutdown';
import { requestIdOf } from './common/request-id';
import { guardPooledClient } from './common/database-errors';
import { JwtAuthGuard } from './common/jwt-auth.guard';
import { PolicyGuard } from './common/policy.guard';
import { TenantTransactionInterceptor } from './common/tenant-transaction.interceptor';
import { API_CONFIG, type ApiConfig } from './config/api-config';
import { AuditEventsController } from './modules/audit/audit-events.controller';
import { AuditEventsRepository } from './modules/audit/audit-events.repository';
import { ApiKeyRateLimitGuard } from './modules/api-keys/api-key-rate-limit.guard';
import { ApiKeysModule } from './modules/api-keys/api-keys.module';
import { AuthModule } from './modules/auth/auth.module';
import { BrandModule } from './modules/brand/brand.module';
import { ClientAccountsModule } from './modules/client-accounts/client-accounts.module';
import { DeliverablesModule } from './modules/deliverables/deliverables.module';
import { DeliveryFailuresModule } from './modules/delivery-failures/delivery-failures.module';
import { DisclosuresModule } from './modules/disclosures/disclosures.module';
import { EngagementsModule } from './modules/engagements/engagements.module';
import { HealthController } from './modules/health/health.controller';
import { HealthRepository } from './modules/health/health.repository';
import { InvitationsModule } from './modules/invitations/invitations.module';
import { InvoicesModule } from './modules/invoices/invoices.module';
import { NotificationPreferencesModule } from './modules/notification-preferences/notification-preferences.module';
import { MeController } from './modules/me/me.controller';
import { MeRepository } from './modules/me/me.repository';
import { MembersController } from './modules/members/members.controller';
import { MembersRepository } from './modules/members/members.repository';
import { MetricsModule } from './modules/metrics/metrics.module';
import { TeamAdminController } from './modules/members/team-admin.controller';
import { TeamAdminService } from './modules/members/team-admin.service';
import { OutboxModule } from './modules/outbox/outbox.module';
import { PortalHostGuard } from './modules/portal-address/portal-host.guard';
import { PortalAddressModule } from './modules/portal-address/portal-address.module';
import { TenantController } from './modules/tenant/tenant.controller';
import { TimesheetWeeksModule } from './modules/timesheet-weeks/timesheet-weeks.module';
import { TimesheetsModule } from './modules/timesheets/timesheets.module';
import { WebhooksModule } from './modules/webhooks/webhooks.module';
import { WorkLogsModule } from './modules/work-logs/work-logs.module';

@Module({})
export class AppModule {
  /** `connectDatabase: false` builds the app without a database (the OpenAPI exporter). */
  static forRoot(config: ApiConfig, { connectDatabase = true } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        { module: ConfigHolderModule, global: true, providers: [{ provide: API_CONFIG, useValue: config }], exports: [API_CONFIG] },
        LoggerModule.forRoot({
          // Every route, in path-to-regexp 8's words (nestjs-pino's default '*' makes Nest warn at boot).
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: config.LOG_LEVEL,
            // Every log line of a request carries its id (Fastify's, given by requestIdOf; this is the fallback).
            genReqId: requestIdOf,
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' },
          },
        }),
        TypeOrmModule.forRoot({
          // Names the API's connections in pg_stat_activity (and in the server's log, with %a in log_line_prefix).
          ...dataSourceOptions(config.DATABASE_URL, { applicationName: 'candor-api' }),
          extra: {
            max: 20,
            // Kept through lulls, with TCP keepalives so a firewall or NAT does not drop one silently meanwhile.
            idleTimeoutMillis: config.DATABASE_POOL_IDLE_SECONDS * 1000,
            keepAlive: true,
            onConnect: (client: PoolClient) => {
              guardPooledClient(client);
              if (config.DATABASE_PREPARED_STATEMENTS) namePreparedStatements(client);
            },
          },
          manualInitialization: !connectDatabase,
        }),
        OutboxModule,
        AuthModule,
        ApiKeysModule,
        ClientAccountsModule,
        InvitationsModule,
        EngagementsModule,
        WorkLogsModule,
        TimesheetWeeksModule,
        TimesheetsModule,
        DisclosuresModule,
        DeliverablesModule,
        InvoicesModule,
        DeliveryFailuresModule,
        MetricsModule,
        NotificationPreferencesModule,
        BrandModule,
        WebhooksModule,
        PortalAddressModule,
      ],
      controllers: [MeController, TenantController, HealthController, MembersController, TeamAdminController, AuditEventsController],
      providers: [
        TeamAdminService,
        MembersRepository,
        AuditEventsRepository,
        MeRepository,
        HealthRepository,
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: ApiKeyRateLimitGuard },
        // At an agency's address, only its own sessions (after the token is read, before the policy).
        { provide: APP_GUARD, useClass: PortalHostGuard },
        { provide: APP_GUARD, useClass: PolicyGuard },
        { provide: APP_INTERCEPTOR, useClass: TenantTransactionInterceptor },
        GracefulShutdown,
      ],
    };
  }
}

@Module({})
class ConfigHolderModule {}
