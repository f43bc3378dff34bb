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
    return Boolean(user.totpEnabledAt) || this.requiredByTenant(manager, membership);
  }

  /** The owner's setting: staff (not client users) must use a second factor. */
  async requiredByTenant(manager: EntityManager, membership: Membership): Promise<boolean> {
    if (isClientRole(membership.role)) return false;
    const tenant = await manager.findOneByOrFail(Tenant, { id: membership.tenantId });
    return tenantSettings(tenant.settings).requireTwoFactorForStaff;
  }
}
