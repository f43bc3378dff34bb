import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@candor/domain';
import { CurrentActor, Policy } from '../../common/access.decorators';
import { NotificationPreferenceResponse } from './dto/notification-preference.response';
import { SetPreferenceDto } from './dto/set-preference.dto';
import { NotificationPreferencesService } from './notification-preferences.service';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me/notification-preferences')
export class NotificationPreferencesController {
  constructor(private readonly service: NotificationPreferencesService) {}

  @Get()
  @Policy('read', 'Me')
  @ApiOperation({ summary: 'How you get each kind of email your role receives: immediately, in the 08:00 digest, or off' })
  @ApiOkResponse({ type: [NotificationPreferenceResponse] })
  list(@CurrentActor() actor: Actor): Promise<NotificationPreferenceResponse[]> {
    return this.service.list(actor);
  }

  @Put(':event')
  @Policy('update', 'Me')
  @ApiOperation({
    summary: 'Choose how you get one kind of email; a required one (a disclosure, a remedy to sign off) may go to the digest but not off',
  })
  @ApiOkResponse({ type: [NotificationPreferenceResponse] })
  @ApiBadRequestResponse({ description: 'an unknown mode, or off for a required email' })
  @ApiNotFoundResponse({ description: 'no such email for your role' })
  set(
    @CurrentActor() actor: Actor,
    @Param('event') event: string,
    @Body() dto: SetPreferenceDto,
  ): Promise<NotificationPreferenceResponse[]> {
    return this.service.set(actor, event, dto.mode);
  }
}
