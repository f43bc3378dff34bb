import { Inject, Injectable, Logger, UnauthorizedException, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ROLES, type Actor, type Role } from '@candor/domain';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { SessionsRepository } from '../modules/auth/sessions.repository';

/**
 * Confirms, in a query of its own, that an actor's session is alive and its person still a member, and puts
 * the role and client account as they are now in place of the token's. For the routes that do not confirm it
 * inside their tenant transaction (see SessionCheckedInTransaction), and before a refusal that the token's
 * role alone would decide (PolicyGuard): a person promoted since the token was made is not refused by it.
 */
@Injectable()
export class SessionCheck implements OnModuleDestroy {
  private readonly logger = new Logger(SessionCheck.name);
  /** Sessions confirmed inside a transaction since the last touch: session id -> tenant id. */
  private readonly due = new Map<string, string>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsRepository,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.timer = setInterval(() => void this.touchDue(), config.SESSION_TOUCH_INTERVAL_MS).unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.touchDue();
  }

  async confirm(actor: Actor): Promise<void> {
    if (!actor.sessionPending || !actor.sessionId) return;
    const row = await this.sessions.actor(this.dataSource.manager, actor.tenantId, actor.sessionId, actor.userId);
    if (!row || !(ROLES as readonly string[]).includes(row.role)) {
      throw new UnauthorizedException('Your session has ended; sign in again');
    }
    actor.role = row.role as Role;
    actor.clientAccountId = row.client_account_id;
    delete actor.sessionPending;
  }

  /**
   * After a request that confirmed its session inside its transaction (auth_session_confirm only reads): the
   * session's last_seen_at is written with the others', SESSION_TOUCH_INTERVAL_MS apart, outside any request.
   */
  touch(actor: Actor): void {
    if (actor.sessionId) this.due.set(actor.sessionId, actor.tenantId);
  }

  private async touchDue(): Promise<void> {
    if (!this.due.size) return;
    const sessions = [...this.due];
    this.due.clear();
    await this.dataSource
      .query('CALL auth_session_touch($1::uuid[], $2::uuid[])', [sessions.map(([, tenant]) => tenant), sessions.map(([id]) => id)])
      .catch((error: unknown) => this.logger.warn(`could not touch the sessions' last-seen time: ${String(error)}`));
  }
}
