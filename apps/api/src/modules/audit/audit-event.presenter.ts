import type { AuditRow } from './audit-events.repository';
import type { AuditEventResponse } from './dto/audit-events.dto';

/** Who acted is a person (through one of their API keys when `apiKey` is set), or null for the system (a scheduled sweep). */
export const presentAuditEvent = ({ actorId, actorName, apiKeyId, apiKeyName, ...row }: AuditRow): AuditEventResponse => ({
  ...row,
  actor: actorId ? { id: actorId, displayName: actorName ?? '' } : null,
  apiKey: apiKeyId ? { id: apiKeyId, name: apiKeyName ?? '' } : null,
});
