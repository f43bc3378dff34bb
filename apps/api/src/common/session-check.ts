import { Injectable, UnauthorizedException } from '@nestjs/common';
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
}
