import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@candor/domain';
import { CurrentActor, Policy } from '../../common/access.decorators';
import { TenantContext } from '../../common/tenant-context';
import { AuditService } from '../audit/audit.service';
import { TenantResponse } from './dto/tenant.response';
import { UpdateTenantDto } from './dto/update-tenant.dto';
import { presentTenant } from './tenant.presenter';
import { TenantRepository } from './tenant.repository';

@ApiTags('tenant')
@ApiBearerAuth()
@Controller('tenant')
export class TenantController {
  constructor(
    private readonly tenant: TenantContext,
    private readonly repository: TenantRepository,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @Policy('read', 'Tenant')
  @ApiOperation({ summary: 'The workspace and its settings (staff)' })
  @ApiOkResponse({ type: TenantResponse })
  async get(@CurrentActor() actor: Actor): Promise<TenantResponse> {
    return presentTenant(await this.repository.get(this.tenant.manager, actor.tenantId));
  }

  @Patch()
  @Policy('update', 'Tenant')
  @ApiOperation({ summary: 'Change the workspace name, language, time zone and settings (owner)' })
  @ApiOkResponse({ type: TenantResponse })
  async update(@CurrentActor() actor: Actor, @Body() dto: UpdateTenantDto): Promise<TenantResponse> {
    const manager = this.tenant.manager;
    const before = await this.repository.get(manager, actor.tenantId);
    const { settings, ...fields } = dto;
    await this.repository.update(manager, actor.tenantId, {
      ...fields,
      ...(settings && { settings: { ...before.settings, ...settings } }),
    });
    await this.audit.record(manager, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'tenant.updated',
      entityType: 'tenant',
      entityId: actor.tenantId,
      change: { before: presentTenant(before), after: { ...dto } },
    });
    return presentTenant(await this.repository.get(manager, actor.tenantId));
  }
}
