import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@candor/domain';
import { CurrentActor, Policy } from '../../common/access.decorators';
import { TenantContext } from '../../common/tenant-context';
import { TenantRepository } from '../tenant/tenant.repository';
import { MeRepository } from './me.repository';
import { MeResponse } from './me.response';
import { UpdateMeDto } from './update-me.dto';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(
    private readonly tenant: TenantContext,
    private readonly repository: MeRepository,
    private readonly tenants: TenantRepository,
  ) {}

  @Get()
  @Policy('read', 'Me')
  @ApiOperation({ summary: 'The signed-in user, their workspace and their role in it' })
  @ApiOkResponse({ type: MeResponse })
  async me(@CurrentActor() actor: Actor): Promise<MeResponse> {
    const manager = this.tenant.manager;
    const user = await this.repository.user(manager, actor.userId);
    const tenant = await this.tenants.get(manager, actor.tenantId);
    return {
      user: { id: user.id, email: user.email, displayName: user.displayName, locale: user.locale, timeZone: user.timeZone },
      tenant: { id: tenant.id, name: tenant.name, slug: tenant.slug, timeZone: tenant.timeZone },
      role: actor.role,
      clientAccountId: actor.clientAccountId,
    };
  }

  @Patch()
  @Policy('update', 'Me')
  @ApiOperation({ summary: 'Change your name, language or time zone (the app and your emails use them)' })
  @ApiOkResponse({ type: MeResponse })
  async update(@CurrentActor() actor: Actor, @Body() dto: UpdateMeDto): Promise<MeResponse> {
    const patch = {
      ...(dto.displayName !== undefined && { displayName: dto.displayName.trim() }),
      ...(dto.locale && { locale: dto.locale }),
      ...(dto.timeZone !== undefined && { timeZone: dto.timeZone }),
    };
    if (Object.keys(patch).length) await this.repository.update(this.tenant.manager, actor.userId, patch);
    return this.me(actor);
  }
}
