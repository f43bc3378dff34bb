import type { ClientAccount } from '@candor/db';
import { isClientRole, type Actor } from '@candor/domain';
import type { ClientAccountResponse, StaffClientAccountResponse } from './dto/client-account.response';

/** What a client user sees of their own account. */
export const presentForClient = (row: ClientAccount): ClientAccountResponse => ({
  id: row.id,
  name: row.name,
  billingEmail: row.billingEmail,
  billingAddress: row.billingAddress,
  taxId: row.taxId,
  taxRate: row.taxRate,
  reverseCharge: row.reverseCharge,
  createdAt: row.createdAt,
});

/** Staff also see the internal notes. */
export const presentForStaff = (row: ClientAccount): StaffClientAccountResponse => ({ ...presentForClient(row), notes: row.notes });

/** Shaped per audience: internal notes never reach a client user. */
export const presentClientAccount = (actor: Actor, row: ClientAccount): ClientAccountResponse =>
  isClientRole(actor.role) ? presentForClient(row) : presentForStaff(row);
