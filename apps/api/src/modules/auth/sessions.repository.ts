import { Injectable } from '@nestjs/common';
import { IsNull, Not, type EntityManager } from 'typeorm';
import { RefreshToken, Session } from '@candor/db';

/** Sessions and their refresh tokens (a session is one refresh family); takes the tenant-scoped manager. */
@Injectable()
export class SessionsRepository {
  async open(manager: EntityManager, values: Omit<Session, 'createdAt'>): Promise<void> {
    await manager.insert(Session, values);
  }

  async addRefreshToken(
    manager: EntityManager,
    values: Pick<RefreshToken, 'tenantId' | 'id' | 'familyId' | 'userId' | 'tokenHash' | 'expiresAt'>,
  ): Promise<void> {
    await manager.insert(RefreshToken, values);
  }

  /** A refresh token, locked for its rotation when `lock` is set. */
  refreshToken(manager: EntityManager, tenantId: string, id: string, lock = false): Promise<RefreshToken | null> {
    return manager.findOne(RefreshToken, { where: { tenantId, id }, ...(lock && { lock: { mode: 'pessimistic_write' as const } }) });
  }

  get(manager: EntityManager, tenantId: string, id: string): Promise<Session | null> {
    return manager.findOneBy(Session, { tenantId, id });
  }

  /** One of the person's open sessions, or null. */
  openOf(manager: EntityManager, tenantId: string, userId: string, id: string): Promise<Session | null> {
    return manager.findOneBy(Session, { tenantId, id, userId, revokedAt: IsNull() });
  }

  /** The person's open sessions, the last seen first. */
  listOpen(manager: EntityManager, tenantId: string, userId: string): Promise<Session[]> {
    return manager.find(Session, { where: { tenantId, userId, revokedAt: IsNull() }, order: { lastSeenAt: 'DESC' }, take: 100 });
  }

  async openIds(manager: EntityManager, tenantId: string, userId: string, except?: string): Promise<string[]> {
    const sessions = await manager.find(Session, {
      where: { tenantId, userId, revokedAt: IsNull(), ...(except && { id: Not(except) }) },
      select: { id: true },
    });
    return sessions.map((session) => session.id);
  }

  /** The refresh token is spent and the session seen now. */
  async rotated(manager: EntityManager, tenantId: string, refreshTokenId: string, sessionId: string): Promise<void> {
    await manager.update(RefreshToken, { tenantId, id: refreshTokenId }, { rotatedAt: new Date() });
    await manager.update(Session, { tenantId, id: sessionId }, { lastSeenAt: new Date() });
  }

  async markMfaVerified(manager: EntityManager, tenantId: string, id: string): Promise<void> {
    await manager.update(Session, { tenantId, id }, { mfaVerified: true });
  }

  /** Revokes the session and every refresh token of it not revoked yet. */
  async revoke(manager: EntityManager, tenantId: string, sessionId: string): Promise<void> {
    const now = new Date();
    await manager.update(RefreshToken, { tenantId, familyId: sessionId, revokedAt: IsNull() }, { revokedAt: now });
    await manager.update(Session, { tenantId, id: sessionId, revokedAt: IsNull() }, { revokedAt: now });
  }

  /**
   * The role and client account of a live session's member, read by the security-definer function
   * before any tenant transaction exists; undefined when the session ended or the membership is gone.
   */
  async actor(
    manager: EntityManager,
    tenantId: string,
    sessionId: string,
    userId: string,
  ): Promise<{ role: string; client_account_id: string | null } | undefined> {
    const rows: { role: string; client_account_id: string | null }[] = await manager.query(
      'SELECT role, client_account_id FROM auth_session_actor($1, $2, $3)',
      [tenantId, sessionId, userId],
    );
    return rows[0];
  }
}
