import { Body, Controller, Delete, HttpCode, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNoContentResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@candor/domain';
import { CurrentActor, Policy } from '../../common/access.decorators';
import { ChangeRoleDto } from './dto/change-role.dto';
import { TeamAdminService } from './team-admin.service';

@ApiTags('team')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'not a member of this workspace' })
@Controller('members')
export class TeamAdminController {
  constructor(private readonly team: TeamAdminService) {}

  @Patch(':userId')
  @HttpCode(204)
  @Policy('update', 'Member')
  @ApiOperation({ summary: "Change a member's role (owner); effective on their next request" })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ description: 'your own role, or between a team and a client role' })
  async changeRole(
    @CurrentActor() actor: Actor,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() dto: ChangeRoleDto,
  ): Promise<void> {
    await this.team.changeRole(actor, userId, dto.role);
  }

  @Delete(':userId')
  @HttpCode(204)
  @Policy('delete', 'Member')
  @ApiOperation({ summary: 'Remove a member from the workspace (owner); their sessions end at once' })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ description: 'yourself' })
  async remove(@CurrentActor() actor: Actor, @Param('userId', ParseUUIDPipe) userId: string): Promise<void> {
    await this.team.remove(actor, userId);
  }
}
