import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Membership } from '@candor/db';
import { isClientRole } from '@candor/domain';
import { TenantRepository } from '../tenant/tenant.repository';
import { UsersRepository } from './users.repository';

/** Whether a sign-in into this membership needs the second factor. */
@Injectable()
export class TwoFactorPolicy {
  constructor(
    private readonly users: UsersRepository,
    private readonly tenants: TenantRepository,
  ) {}

  /** True when the person turned two-factor on, or the workspace requires it of its staff. */
  async required(manager: EntityManager, membership: Membership): Promise<boolean> {
    const user = await this.users.get(manager, membership.userId);
    return Boolean(user.totpEnabledAt) || this.requiredByTenant(manager, membership);
  }

  /** The owner's setting: staff (not client users) must use a second factor. */
  async requiredByTenant(manager: EntityManager, membership: Membership): Promise<boolean> {
    if (isClientRole(membership.role)) return false;
    return (await this.tenants.settings(manager, membership.tenantId)).requireTwoFactorForStaff;
  }
}
