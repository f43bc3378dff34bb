import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Tenant, User, type Membership } from '@candor/db';
import { isClientRole, tenantSettings } from '@candor/domain';

/** Whether a sign-in into this membership needs the second factor. */
@Injectable()
export class TwoFactorPolicy {
  /** True when the person turned two-factor on, or the workspace requires it of its staff. */
  async required(manager: EntityManager, membership: Membership): Promise<boolean> {
    const user = await manager.findOneByOrFail(User, { id: membership.userId });
    if (user.totpEnabledAt) return true;
    if (isClientRole(membership.role)) return false;
    const tenant = await manager.findOneByOrFail(Tenant, { id: membership.tenantId });
    return tenantSettings(tenant.settings).requireTwoFactorForStaff;
  }
}
