import type { AuditRow } from './audit-events.repository';
import type { AuditEventResponse } from './dto/audit-events.dto';

/** Who acted is a person, or null for the system (a scheduled sweep). */
export const presentAuditEvent = ({ actorId, actorName, ...row }: AuditRow): AuditEventResponse => ({
  ...row,
  actor: actorId ? { id: actorId, displayName: actorName ?? '' } : null,
});
