import { newId, type Sql } from '../sql';

/** An outbox row as the API writes it in a change's transaction (pending, for the relay to pick up). */
export async function insertNotification(
  db: Sql,
  row: { tenantId: string; template: string; recipientEmail: string; locale?: string; payload?: object },
): Promise<string> {
  const id = newId();
  await db.query(`INSERT INTO notifications (tenant_id, id, template, recipient_email, locale, payload) VALUES ($1, $2, $3, $4, $5, $6)`, [
    row.tenantId,
    id,
    row.template,
    row.recipientEmail,
    row.locale ?? 'en',
    JSON.stringify(row.payload ?? {}),
  ]);
  return id;
}

/** An email held back for the recipient's daily digest, as the outbox write holds it. */
export async function insertHeldNotification(
  db: Sql,
  row: { tenantId: string; userId: string; template: string; recipientEmail: string; locale?: string },
): Promise<string> {
  const id = newId();
  await db.query(
    `INSERT INTO held_notifications (tenant_id, id, user_id, kind, template, recipient_email, locale) VALUES ($1, $2, $3, 'digest', $4, $5, $6)`,
    [row.tenantId, id, row.userId, row.template, row.recipientEmail, row.locale ?? 'en'],
  );
  return id;
}

/** The overdue sweep's record that a draft's reminder of `level` went out. */
export async function insertEscalation(db: Sql, row: { tenantId: string; disclosureId: string; level: 1 | 2 | 3 }): Promise<void> {
  await db.query(`INSERT INTO disclosure_escalations (tenant_id, disclosure_id, level) VALUES ($1, $2, $3)`, [
    row.tenantId,
    row.disclosureId,
    row.level,
  ]);
}
