import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Public } from '../../common/access.decorators';
import { RequestClient, type ClientInfo } from '../../common/client-info.decorator';
import { MagicCodeDto } from './dto/magic-code.dto';
import { MagicLinkDto } from './dto/magic-link.dto';
import { MagicLinkResponse } from './dto/magic-link.response';
import { SignInResponse } from './dto/sign-in.response';
import { TokenDto } from './dto/token.dto';
import { MagicLinkService } from './magic-link.service';
import { EMAIL_ON_ITS_WAY } from './password.controller';

@ApiTags('auth')
@Public()
@UseGuards(ThrottlerGuard)
@ApiTooManyRequestsResponse({ description: 'too many attempts; wait and retry' })
@Controller('auth/magic-link')
export class MagicLinkController {
  constructor(private readonly magic: MagicLinkService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Email a sign-in link and a 6-digit code (15 minutes, either works once); the same answer for any address' })
  @ApiAcceptedResponse({ type: MagicLinkResponse })
  request(@Body() dto: MagicLinkDto): MagicLinkResponse {
    return { message: EMAIL_ON_ITS_WAY, challengeId: this.magic.request(dto) };
  }

  @Post('redeem')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with the emailed link; answers the page to open (next) when the link named one' })
  @ApiOkResponse({ type: SignInResponse })
  @ApiNotFoundResponse({ description: 'not a link we sent' })
  @ApiGoneResponse({ description: 'used already (link or code), or expired' })
  redeem(@Body() dto: TokenDto, @RequestClient() client: ClientInfo): Promise<SignInResponse> {
    return this.magic.redeemLink(dto.token, client);
  }

  @Post('code')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with the 6-digit code, from the browser that asked for it; 5 wrong tries close it' })
  @ApiOkResponse({ type: SignInResponse })
  @ApiBadRequestResponse({ description: 'wrong code, or another browser' })
  @ApiGoneResponse({ description: 'used already (link or code), expired, or too many wrong tries' })
  code(@Body() dto: MagicCodeDto, @RequestClient() client: ClientInfo): Promise<SignInResponse> {
    return this.magic.redeemCode(dto.challengeId, dto.browserKey, dto.code, client);
  }
}
