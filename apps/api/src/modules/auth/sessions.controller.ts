import { Controller, Delete, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@candor/domain';
import { CurrentActor, Policy } from '../../common/access.decorators';
import { TenantContext } from '../../common/tenant-context';
import { SessionResponse } from './dto/session.response';
import { SessionsRepository } from './sessions.repository';
import { TokenService } from './token.service';

@ApiTags('security')
@ApiBearerAuth()
@Controller('me/sessions')
export class SessionsController {
  constructor(
    private readonly tenant: TenantContext,
    private readonly tokens: TokenService,
    private readonly sessions: SessionsRepository,
  ) {}

  @Get()
  @Policy('read', 'Me')
  @ApiOperation({ summary: 'Your open sessions in this workspace (device, address, last seen), newest first' })
  @ApiOkResponse({ type: [SessionResponse] })
  async list(@CurrentActor() actor: Actor): Promise<SessionResponse[]> {
    const sessions = await this.sessions.listOpen(this.tenant.manager, actor.tenantId, actor.userId);
    return sessions.map((s) => ({
      id: s.id,
      method: s.method,
      userAgent: s.userAgent,
      ip: s.ip,
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      current: s.id === actor.sessionId,
      mfaVerified: s.mfaVerified,
    }));
  }

  @Delete(':id')
  @HttpCode(204)
  @Policy('update', 'Me')
  @ApiOperation({ summary: 'Sign a session out; its tokens stop working on their next request' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'not one of your open sessions' })
  async revoke(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    const session = await this.sessions.openOf(this.tenant.manager, actor.tenantId, actor.userId, id);
    if (!session) throw new NotFoundException('Session not found');
    await this.tokens.revokeSession(this.tenant.manager, actor.tenantId, id);
  }
}
