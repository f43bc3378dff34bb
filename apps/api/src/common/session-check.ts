import { Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ROLES, type Actor, type Role } from '@candor/domain';
import { SessionsRepository } from '../modules/auth/sessions.repository';

/**
 * Confirms, in a query of its own, that an actor's session is alive and its person still a member, and puts
 * the role and client account as they are now in place of the token's. For the routes that do not confirm it
 * inside their tenant transaction (see SessionCheckedInTransaction), and before a refusal that the token's
 * role alone would decide (PolicyGuard): a person promoted since the token was made is not refused by it.
 */
@Injectable()
export class SessionCheck {
  private readonly logger = new Logger(SessionCheck.name);
  /** When this process last touched each session's last_seen_at (ms): at most once a minute each. */
  private readonly touched = new Map<string, number>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsRepository,
  ) {}

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
   * session's last_seen_at, at most once a minute per session, in a statement of its own, not waited for.
   */
  touch(actor: Actor): void {
    if (!actor.sessionId) return;
    const now = Date.now();
    if ((this.touched.get(actor.sessionId) ?? 0) > now - TOUCH_EVERY_MS) return;
    if (this.touched.size >= TOUCHED_KEPT) this.touched.clear();
    this.touched.set(actor.sessionId, now);
    this.dataSource
      .query('CALL auth_session_touch($1, $2)', [actor.tenantId, actor.sessionId])
      .catch((error: unknown) => this.logger.warn(`could not touch a session's last-seen time: ${String(error)}`));
  }
}

/** last_seen_at's resolution, as auth_session_touch keeps it. */
const TOUCH_EVERY_MS = 60_000;
/** Sessions remembered before the map starts afresh (a touch too many costs one UPDATE). */
const TOUCHED_KEPT = 10_000;
