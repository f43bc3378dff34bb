import { BadRequestException, Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '@candor/domain';
import { CurrentActor, Policy } from '../../common/access.decorators';
import { TenantContext } from '../../common/tenant-context';
import { MembersRepository } from '../members/members.repository';
import { DisableTwoFactorDto, TwoFactorCodeDto } from './dto/two-factor.dto';
import { RecoveryCodesResponse, TwoFactorSetupResponse, TwoFactorStatusResponse } from './dto/two-factor.response';
import { SessionsRepository } from './sessions.repository';
import { TwoFactorPolicy } from './two-factor.policy';
import { TwoFactorService } from './two-factor.service';

@ApiTags('security')
@ApiBearerAuth()
@Controller('me/two-factor')
export class TwoFactorController {
  constructor(
    private readonly twoFactor: TwoFactorService,
    private readonly policy: TwoFactorPolicy,
    private readonly tenant: TenantContext,
    private readonly sessions: SessionsRepository,
    private readonly members: MembersRepository,
  ) {}

  @Get()
  @Policy('read', 'Me')
  @ApiOperation({ summary: 'Whether two-factor is on, recovery codes left, and whether the workspace requires it' })
  @ApiOkResponse({ type: TwoFactorStatusResponse })
  async status(@CurrentActor() actor: Actor): Promise<TwoFactorStatusResponse> {
    return { ...(await this.twoFactor.status(actor.userId)), requiredByWorkspace: await this.requiredByWorkspace(actor) };
  }

  @Post('setup')
  @HttpCode(200)
  @Policy('update', 'Me')
  @ApiOperation({ summary: 'Start setting up an authenticator app: a new secret and its QR code (pending until enabled)' })
  @ApiOkResponse({ type: TwoFactorSetupResponse })
  @ApiConflictResponse({ description: 'two-factor is already on' })
  setup(@CurrentActor() actor: Actor): Promise<TwoFactorSetupResponse> {
    return this.twoFactor.setup(actor.userId);
  }

  @Post('enable')
  @HttpCode(200)
  @Policy('update', 'Me')
  @ApiOperation({ summary: 'Turn two-factor on with a code from the app; answers ten recovery codes, shown once' })
  @ApiOkResponse({ type: RecoveryCodesResponse })
  @ApiBadRequestResponse({ description: 'wrong code, or no setup started' })
  async enable(@CurrentActor() actor: Actor, @Body() dto: TwoFactorCodeDto): Promise<RecoveryCodesResponse> {
    const recoveryCodes = await this.twoFactor.enable(actor.userId, dto.code);
    // This session just gave the second factor: it stays valid at refresh.
    if (actor.sessionId) await this.sessions.markMfaVerified(this.tenant.manager, actor.tenantId, actor.sessionId);
    return { recoveryCodes };
  }

  @Post('disable')
  @HttpCode(204)
  @Policy('update', 'Me')
  @ApiOperation({ summary: 'Turn two-factor off (needs your password); refused where the workspace requires it' })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ description: 'wrong password, or the workspace requires two-factor' })
  async disable(@CurrentActor() actor: Actor, @Body() dto: DisableTwoFactorDto): Promise<void> {
    if (await this.requiredByWorkspace(actor))
      throw new BadRequestException('Your workspace requires two-factor for its team; it cannot be turned off');
    await this.twoFactor.disable(actor.userId, dto.currentPassword);
  }

  private async requiredByWorkspace(actor: Actor): Promise<boolean> {
    const membership = await this.members.findByUser(this.tenant.manager, actor.tenantId, actor.userId);
    if (!membership) throw new Error(`membership of ${actor.userId} vanished`);
    return this.policy.requiredByTenant(this.tenant.manager, membership);
  }
}
