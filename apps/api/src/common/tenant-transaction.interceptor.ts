import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { withTenant } from '@candor/db';
import type { Actor } from '@candor/domain';
import { PUBLIC_ROUTE, READS_ONLY } from './access.decorators';
import { SessionCheck } from './session-check';
import { TenantContext, type RollbackHook } from './tenant-context';

/**
 * Wraps every authenticated handler in one transaction scoped to the caller's tenant: row-level
 * security sees the tenant, and a change and its outbox row commit or roll back together.
 */
@Injectable()
export class TenantTransactionInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tenant: TenantContext,
    private readonly sessionCheck: SessionCheck,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) {
      return next.handle();
    }
    const actor = context.switchToHttp().getRequest<{ user: Actor }>().user;
    const onRollback: RollbackHook[] = [];
    // Still to confirm (SessionCheckedInTransaction): in the opening, before any statement of the handler.
    const session =
      actor.sessionPending && actor.sessionId
        ? { sessionId: actor.sessionId, userId: actor.userId, role: actor.role, clientAccountId: actor.clientAccountId }
        : undefined;
    return from(
      withTenant(
        this.dataSource,
        actor.tenantId,
        (manager) => this.tenant.run(manager, actor, () => lastValueFrom(next.handle(), { defaultValue: undefined }), onRollback),
        {
          apiKeyId: actor.apiKey?.id,
          readOnly: this.reflector.getAllAndOverride<boolean | undefined>(READS_ONLY, targets) ?? false,
          session,
        },
      )
        .catch(async (error: unknown) => {
          for (const hook of onRollback) await hook().catch(() => undefined);
          throw error;
        })
        .then((result: unknown) => {
          // Its confirmation only read the session: the last-seen time is written after the transaction.
          if (session) this.sessionCheck.touch(actor);
          return result;
        }),
    );
  }
}
