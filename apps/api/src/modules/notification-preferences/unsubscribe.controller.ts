import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/access.decorators';
import { UnsubscribeResponse } from './dto/notification-preference.response';
import { UnsubscribeQuery } from './dto/unsubscribe.query';
import { NotificationPreferencesService } from './notification-preferences.service';

/**
 * One-click unsubscribe without a login: the token in the link (signed by the worker) names one
 * person and one kind of email (a query parameter: it is longer than a path segment may be). POST is the RFC 8058 endpoint mail clients call from the
 * List-Unsubscribe header (body `List-Unsubscribe=One-Click`, ignored); the web page calls it too.
 */
@ApiTags('me')
@Controller('unsubscribe')
export class UnsubscribeController {
  constructor(private readonly service: NotificationPreferencesService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Which email an unsubscribe link turns off, and whether it already is' })
  @ApiOkResponse({ type: UnsubscribeResponse })
  @ApiNotFoundResponse({ description: 'a link we did not sign, or its person left the workspace' })
  preview(@Query() query: UnsubscribeQuery): Promise<UnsubscribeResponse> {
    return this.service.preview(query.token);
  }

  @Post()
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Turn off the one kind of email the link names (RFC 8058 one-click)' })
  @ApiOkResponse({ type: UnsubscribeResponse })
  @ApiNotFoundResponse({ description: 'a link we did not sign, or its person left the workspace' })
  unsubscribe(@Query() query: UnsubscribeQuery): Promise<UnsubscribeResponse> {
    return this.service.unsubscribe(query.token);
  }
}
