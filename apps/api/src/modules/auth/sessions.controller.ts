import { Controller, Delete, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsNull } from 'typeorm';
import { Session } from '@candor/db';
import type { Actor } from '@candor/domain';
import { CurrentActor, Policy } from '../../common/access.decorators';
import { TenantContext } from '../../common/tenant-context';
import { SessionResponse } from './dto/session.response';
import { TokenService } from './token.service';

@ApiTags('security')
@ApiBearerAuth()
@Controller('me/sessions')
export class SessionsController {
  constructor(
    private readonly tenant: TenantContext,
    private readonly tokens: TokenService,
  ) {}

  @Get()
  @Policy('read', 'Me')
  @ApiOperation({ summary: 'Your open sessions in this workspace (device, address, last seen), newest first' })
  @ApiOkResponse({ type: [SessionResponse] })
  async list(@CurrentActor() actor: Actor): Promise<SessionResponse[]> {
    const sessions = await this.tenant.manager.find(Session, {
      where: { tenantId: actor.tenantId, userId: actor.userId, revokedAt: IsNull() },
      order: { lastSeenAt: 'DESC' },
      take: 100,
    });
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
    const session = await this.tenant.manager.findOneBy(Session, {
      tenantId: actor.tenantId,
      id,
      userId: actor.userId,
      revokedAt: IsNull(),
    });
    if (!session) throw new NotFoundException('Session not found');
    await this.tokens.revokeSession(this.tenant.manager, actor.tenantId, id);
  }
}
