import type { DomainRow } from './domains.repository';
import type { DomainResponse } from './dto/domain.response';

/** The TXT record's name: one level under the domain, so it never clashes with the domain's own records. */
export const txtRecordName = (hostname: string) => `_candor-verify.${hostname}`;
export const txtRecordValue = (token: string) => `candor-verify=${token}`;

/** A domain as its owner sees it (owners alone reach these routes). */
export function presentDomain(row: DomainRow): DomainResponse {
  return {
    id: row.id,
    hostname: row.hostname,
    status: row.status,
    txtRecord: { name: txtRecordName(row.hostname), value: txtRecordValue(row.verificationToken) },
    verifiedAt: row.verifiedAt,
    lastCheckedAt: row.lastCheckedAt,
    lastError: row.lastError,
    createdAt: row.createdAt,
  };
}
