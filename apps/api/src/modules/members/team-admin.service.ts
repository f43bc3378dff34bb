import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import type { Membership } from '@candor/db';
import { isClientRole, type Actor, type Role } from '@candor/domain';
import { TenantContext } from '../../common/tenant-context';
import { AuditService } from '../audit/audit.service';
import { TokenService } from '../auth/token.service';
import { MembersRepository } from './members.repository';

/**
 * The owner changes a member's role or removes them. Both take effect on the member's next request:
 * every request reads the role from the membership through the session check.
 */
@Injectable()
export class TeamAdminService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly audit: AuditService,
    private readonly tokens: TokenService,
    private readonly repository: MembersRepository,
  ) {}

  async changeRole(actor: Actor, userId: string, role: Role): Promise<void> {
    const membership = await this.find(actor, userId);
    if (membership.userId === actor.userId) throw new BadRequestException('You cannot change your own role; another owner can');
    if (isClientRole(role) !== isClientRole(membership.role)) {
      throw new BadRequestException(
        isClientRole(role)
          ? 'A team member cannot become a client user; invite them to the client instead'
          : 'A client user cannot become a team member; invite them to the team instead',
      );
    }
    if (role === membership.role) return;
    await this.repository.setRole(this.tenant.manager, actor.tenantId, membership.id, role);
    await this.audit.record(this.tenant.manager, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'member.role_changed',
      entityType: 'membership',
      entityId: membership.id,
      change: { before: { role: membership.role }, after: { role } },
    });
  }

  async remove(actor: Actor, userId: string): Promise<void> {
    const membership = await this.find(actor, userId);
    if (membership.userId === actor.userId) throw new BadRequestException('You cannot remove yourself; another owner can');
    const manager = this.tenant.manager;
    await this.repository.remove(manager, membership);
    await this.tokens.revokeUserSessions(manager, actor.tenantId, userId);
    await this.audit.record(manager, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'member.removed',
      entityType: 'membership',
      entityId: membership.id,
      change: { before: { userId, role: membership.role, clientAccountId: membership.clientAccountId } },
    });
  }

  private async find(actor: Actor, userId: string): Promise<Membership> {
    const membership = await this.repository.findByUser(this.tenant.manager, actor.tenantId, userId);
    if (!membership) throw new NotFoundException('Member not found');
    return membership;
  }
}
