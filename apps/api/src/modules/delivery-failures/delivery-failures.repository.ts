import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { KeysetPosition } from '../../common/keyset-cursor';
import type { BouncedRecipientResponse } from './dto/bounced-recipient.response';
import type { DeliveryFailureResponse } from './dto/delivery-failure.response';
import type { DeliveryTroubleState } from '@candor/domain';

const COLUMNS = `n.id, n.template AS event, n.recipient_email AS "recipientEmail", u.display_name AS "recipientName",
  CASE WHEN n.status = 'failed' THEN 'failed' WHEN n.status <> 'sent' AND n.attempts > 0 THEN 'retrying' ELSE n.status END AS state,
  n.failure_kind AS "failureKind", n.last_error AS reason, n.attempts,
  CASE WHEN n.status = 'failed' THEN NULL ELSE n.next_attempt_at END AS "nextAttemptAt", n.resends, n.created_at AS "createdAt"`;

/** "Trouble" is the partial index notifications_trouble_idx: failed for good, or not sent after an attempt. */
const TROUBLE = `(n.status = 'failed' OR (n.status <> 'sent' AND n.attempts > 0))`;

/** Outbox rows as staff see them; every query takes the tenant transaction's manager and the tenant. */
@Injectable()
export class DeliveryFailuresRepository {
  /** Newest first, one page past `after`, plus one row to tell whether another page follows. */
  list(
    manager: EntityManager,
    tenantId: string,
    state: DeliveryTroubleState | null,
    after: KeysetPosition | null,
    take: number,
  ): Promise<DeliveryFailureResponse[]> {
    return manager.query(
      `SELECT ${COLUMNS}
       FROM notifications n LEFT JOIN users u ON u.id = n.recipient_user_id
       WHERE n.tenant_id = $1 AND ${TROUBLE}
         AND ($2::text IS NULL OR ($2 = 'failed') = (n.status = 'failed'))
         AND ($3::timestamptz IS NULL OR (n.created_at, n.id) < ($3, $4::uuid))
       ORDER BY n.created_at DESC, n.id DESC LIMIT $5`,
      [tenantId, state, after?.at ?? null, after?.id ?? null, take],
    );
  }

  async find(manager: EntityManager, tenantId: string, id: string): Promise<DeliveryFailureResponse | null> {
    const [row] = await manager.query<DeliveryFailureResponse[]>(
      `SELECT ${COLUMNS} FROM notifications n LEFT JOIN users u ON u.id = n.recipient_user_id WHERE n.tenant_id = $1 AND n.id = $2`,
      [tenantId, id],
    );
    return row ?? null;
  }

  /**
   * Puts a failed row back in the outbox for exactly one new send (the shared delivery contract):
   * a fresh retry budget, `resends` counted (it is part of the queue's job id). The last error stays
   * until the next attempt replaces it. Returns false when the row is not (or no longer) failed.
   */
  async requeueFailed(manager: EntityManager, tenantId: string, id: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      // Wrapped in a SELECT: TypeORM answers a bare UPDATE with [rows, count], not the rows.
      `WITH requeued AS (
         UPDATE notifications SET status = 'pending', resends = resends + 1, attempts = 0, first_attempt_at = NULL,
                next_attempt_at = NULL, lease_until = NULL, failure_kind = NULL, queued_at = NULL
         WHERE tenant_id = $1 AND id = $2 AND status = 'failed' RETURNING id)
       SELECT id FROM requeued`,
      [tenantId, id],
    );
    return rows.length === 1;
  }

  /** Addresses whose latest finished email bounced (failed permanently) and that nothing reached since. */
  bounced(manager: EntityManager, tenantId: string): Promise<BouncedRecipientResponse[]> {
    return manager.query(
      `WITH latest_bounce AS (
         SELECT DISTINCT ON (lower(n.recipient_email)) n.id, n.recipient_email, n.last_error, n.created_at
         FROM notifications n
         WHERE n.tenant_id = $1 AND n.status = 'failed' AND n.failure_kind = 'permanent'
         ORDER BY lower(n.recipient_email), n.created_at DESC, n.id DESC)
       SELECT b.recipient_email AS email, m.user_id AS "userId", m.client_account_id AS "clientAccountId",
              b.last_error AS reason, b.id AS "notificationId", b.created_at AS at
       FROM latest_bounce b
       LEFT JOIN users u ON lower(u.email) = lower(b.recipient_email)
       LEFT JOIN memberships m ON m.tenant_id = $1 AND m.user_id = u.id
       WHERE NOT EXISTS (
         SELECT 1 FROM notifications s
         WHERE s.tenant_id = $1 AND lower(s.recipient_email) = lower(b.recipient_email) AND s.status = 'sent' AND s.created_at > b.created_at)
       ORDER BY b.created_at DESC`,
      [tenantId],
    );
  }
}
