import { Foundation1764000000000 } from './1764000000000-Foundation';
import { WorkLogging1764100000000 } from './1764100000000-WorkLogging';
import { Disclosures1764200000000 } from './1764200000000-Disclosures';
import { Deliverables1764300000000 } from './1764300000000-Deliverables';
import { WorkLogClientAccount1764400000000 } from './1764400000000-WorkLogClientAccount';
import { AuditEventsByTime1764500000000 } from './1764500000000-AuditEventsByTime';
import { DeliveryAndTimeZones1764600000000 } from './1764600000000-DeliveryAndTimeZones';
import { OutboxClaimDue1764700000000 } from './1764700000000-OutboxClaimDue';
import { OutboxStats1764710000000 } from './1764710000000-OutboxStats';
import { IdentityAndSessions1764800000000 } from './1764800000000-IdentityAndSessions';
import { NotificationPreferences1764900000000 } from './1764900000000-NotificationPreferences';
import { TotpLastStep1765000000000 } from './1765000000000-TotpLastStep';
import { DigestReaders1765100000000 } from './1765100000000-DigestReaders';
import { TenantBrands1765200000000 } from './1765200000000-TenantBrands';
import { TenantDomains1765300000000 } from './1765300000000-TenantDomains';
import { Invoices1765400000000 } from './1765400000000-Invoices';
import { Webhooks1765500000000 } from './1765500000000-Webhooks';
import { ApiKeys1765600000000 } from './1765600000000-ApiKeys';
import { WorkLogClientAccountByApp1765700000000 } from './1765700000000-WorkLogClientAccountByApp';
import { PlpgsqlCrossTenantReads1765710000000 } from './1765710000000-PlpgsqlCrossTenantReads';
import { OutboxClaimPerTenant1765720000000 } from './1765720000000-OutboxClaimPerTenant';
import { PlpgsqlWebhooksInvoicesApiKeys1765900000000 } from './1765900000000-PlpgsqlWebhooksInvoicesApiKeys';
import { PlpgsqlPortalTenant1765910000000 } from './1765910000000-PlpgsqlPortalTenant';
import { DigestReadersGroupedFirst1765920000000 } from './1765920000000-DigestReadersGroupedFirst';
import { SessionConfirmProcedure1766000000000 } from './1766000000000-SessionConfirmProcedure';
import { SessionTouchInKeyOrder1766100000000 } from './1766100000000-SessionTouchInKeyOrder';
import { ClaimDueByIndex1766200000000 } from './1766200000000-ClaimDueByIndex';

/** Every migration, oldest first. Add new ones at the end. */
export const MIGRATIONS = [
  Foundation1764000000000,
  WorkLogging1764100000000,
  Disclosures1764200000000,
  Deliverables1764300000000,
  WorkLogClientAccount1764400000000,
  AuditEventsByTime1764500000000,
  DeliveryAndTimeZones1764600000000,
  OutboxClaimDue1764700000000,
  OutboxStats1764710000000,
  IdentityAndSessions1764800000000,
  NotificationPreferences1764900000000,
  TotpLastStep1765000000000,
  DigestReaders1765100000000,
  TenantBrands1765200000000,
  TenantDomains1765300000000,
  Invoices1765400000000,
  Webhooks1765500000000,
  ApiKeys1765600000000,
  WorkLogClientAccountByApp1765700000000,
  PlpgsqlCrossTenantReads1765710000000,
  OutboxClaimPerTenant1765720000000,
  PlpgsqlWebhooksInvoicesApiKeys1765900000000,
  PlpgsqlPortalTenant1765910000000,
  DigestReadersGroupedFirst1765920000000,
  SessionConfirmProcedure1766000000000,
  SessionTouchInKeyOrder1766100000000,
  ClaimDueByIndex1766200000000,
];
