import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  GoneException,
  Inject,
  Injectable,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { Invitation, withTenant } from '@candor/db';
import { defineAbilityFor, isClientRole, type Actor } from '@candor/domain';
import { hashToken, newToken, seal } from '@candor/domain-node';
import { API_CONFIG, type ApiConfig } from '../../config/api-config';
import { PortalLinks } from '../../common/portal-links';
import { ActorScope } from '../../common/actor-scope';
import { TenantContext } from '../../common/tenant-context';
import { isUniqueViolation } from '../../common/database-errors';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/auth.service';
import { TokenService } from '../auth/token.service';
import { UsersRepository } from '../auth/users.repository';
import { ClientAccountsRepository } from '../client-accounts/client-accounts.repository';
import { MembersRepository } from '../members/members.repository';
import type { TokenPairResponse } from '../auth/dto/token-pair.response';
import { OutboxService } from '../outbox/outbox.service';
import { TenantRepository } from '../tenant/tenant.repository';
import { WebhookEvents } from '../webhooks/webhook-events';
import type { AcceptInvitationDto } from './dto/accept-invitation.dto';
import type { CreateInvitationDto } from './dto/create-invitation.dto';
import type { InvitationPreviewResponse } from './dto/invitation.response';
import { InvitationsRepository } from './invitations.repository';

@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly links: PortalLinks,
    private readonly tenant: TenantContext,
    private readonly scopes: ActorScope,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly tokens: TokenService,
    private readonly invitations: InvitationsRepository,
    private readonly users: UsersRepository,
    private readonly members: MembersRepository,
    private readonly tenants: TenantRepository,
    private readonly clientAccounts: ClientAccountsRepository,
    private readonly webhooks: WebhookEvents,
  ) {}

  async list(actor: Actor): Promise<Invitation[]> {
    // Owners and managers see the tenant's, a client_admin those of their account.
    return this.invitations.pending(this.tenant.manager, await this.scopes.of(actor));
  }

  /** Writes the invitation and its email (outbox row) in the request's transaction. */
  async create(actor: Actor, dto: CreateInvitationDto): Promise<Invitation> {
    const manager = this.tenant.manager;
    const email = dto.email.toLowerCase();
    const clientAccountId = dto.clientAccountId ?? null;
    if (isClientRole(dto.role) !== (clientAccountId !== null)) {
      throw new BadRequestException(
        isClientRole(dto.role)
          ? `clientAccountId is required for the role ${dto.role}`
          : `clientAccountId must be empty for the role ${dto.role}`,
      );
    }
    const client = clientAccountId ? await this.clientAccounts.get(manager, actor.tenantId, clientAccountId) : null;
    if (clientAccountId && (!client || !defineAbilityFor(actor).can('read', { kind: 'ClientAccount', id: clientAccountId }))) {
      throw new NotFoundException('Client account not found');
    }
    if (!defineAbilityFor(actor).can('create', { kind: 'Invitation', role: dto.role, clientAccountId })) {
      throw new ForbiddenException('You may not invite someone with this role');
    }
    if (await this.members.hasEmail(manager, actor.tenantId, email))
      throw new ConflictException('This person is already a member of this workspace');

    const tenant = await this.tenants.get(manager, actor.tenantId);
    const inviter = await this.users.get(manager, actor.userId);
    const token = newToken();
    const invitation = manager.create(Invitation, {
      tenantId: actor.tenantId,
      id: randomUUID(),
      email,
      role: dto.role,
      clientAccountId,
      tokenHash: hashToken(token),
      locale: dto.locale ?? tenant.defaultLocale,
      invitedBy: actor.userId,
      expiresAt: new Date(Date.now() + this.config.INVITATION_TTL_HOURS * 3_600_000),
      acceptedAt: null,
    });
    await this.invitations.replacePending(manager, invitation);
    const acceptUrl = await this.links.url(manager, actor.tenantId, '/accept-invite', { tenant: actor.tenantId, token });
    await this.outbox.add(manager, {
      tenantId: actor.tenantId,
      template: 'invitation',
      recipientEmail: email,
      locale: invitation.locale,
      payload: {
        inviterName: inviter.displayName,
        tenantName: tenant.name,
        role: dto.role,
        clientName: client?.name ?? null,
        expiresAt: invitation.expiresAt.toISOString(),
        sealed: { acceptUrl: seal(acceptUrl, this.config.DATA_ENCRYPTION_KEY) },
      },
    });
    await this.audit.record(manager, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'invitation.created',
      entityType: 'invitation',
      entityId: invitation.id,
      change: { after: { email, role: dto.role, clientAccountId } },
    });
    return invitation;
  }

  async preview(tenantId: string, token: string): Promise<InvitationPreviewResponse> {
    return withTenant(this.dataSource, tenantId, async (manager) => {
      const invitation = await this.findUsable(manager, tenantId, token, false);
      const tenant = await this.tenants.get(manager, tenantId);
      const client = invitation.clientAccountId ? await this.clientAccounts.get(manager, tenantId, invitation.clientAccountId) : null;
      const existing = await this.users.byEmail(manager, invitation.email);
      return {
        email: invitation.email,
        role: invitation.role,
        tenantName: tenant.name,
        clientName: client?.name ?? null,
        expiresAt: invitation.expiresAt,
        locale: invitation.locale,
        tenantTimeZone: tenant.timeZone,
        existingAccount: existing !== null,
      };
    });
  }

  /** Sets the password (or checks an existing account's), joins the tenant and signs in; works once. */
  async accept(dto: AcceptInvitationDto): Promise<TokenPairResponse> {
    const passwordHash = await hashPassword(dto.password);
    try {
      return await withTenant(this.dataSource, dto.tenantId, async (manager) => {
        const invitation = await this.findUsable(manager, dto.tenantId, dto.token, true);
        let user = await this.users.byEmail(manager, invitation.email, { password: true });
        if (user) {
          if (!(await argon2.verify(user.passwordHash, dto.password))) {
            throw new UnauthorizedException('This email already has a Candor account: enter its current password to join');
          }
        } else {
          user = await this.users.insert(manager, {
            id: randomUUID(),
            email: invitation.email,
            displayName: dto.displayName.trim(),
            passwordHash,
            locale: invitation.locale,
            timeZone: dto.timeZone ?? null,
          });
        }
        const membership = await this.members.insert(manager, {
          tenantId: dto.tenantId,
          id: randomUUID(),
          userId: user.id,
          role: invitation.role,
          clientAccountId: invitation.clientAccountId,
        });
        await this.invitations.markAccepted(manager, dto.tenantId, invitation.id);
        await this.audit.record(manager, {
          tenantId: dto.tenantId,
          actorUserId: user.id,
          action: 'invitation.accepted',
          entityType: 'invitation',
          entityId: invitation.id,
          change: { role: invitation.role },
        });
        const [joined] = await this.members.list(manager, dto.tenantId, { role: null, clientAccountId: null, userId: user.id });
        await this.webhooks.emit(manager, dto.tenantId, 'member.joined', joined);
        return this.tokens.issue(manager, membership, { method: 'invitation', mfaVerified: false });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictException('You are already a member of this workspace');
      throw error;
    }
  }

  private async findUsable(manager: EntityManager, tenantId: string, token: string, lock: boolean): Promise<Invitation> {
    const invitation = await this.invitations.byTokenHash(manager, tenantId, hashToken(token), lock);
    if (!invitation) throw new NotFoundException('This invitation link is not valid');
    if (invitation.acceptedAt) throw new GoneException('This invitation has already been used');
    if (invitation.expiresAt.getTime() <= Date.now()) throw new GoneException('This invitation has expired; ask for a new one');
    return invitation;
  }
}
