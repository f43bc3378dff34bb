import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiGoneResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Public } from '../../common/access.decorators';
import { RequestClient, RequestHost, type ClientInfo } from '../../common/client-info.decorator';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { RefreshTokenDto } from './dto/refresh-token.dto';
import { AcceptedResponse } from './dto/accepted.response';
import { SignInResponse } from './dto/sign-in.response';
import { TokenDto } from './dto/token.dto';
import { EMAIL_ON_ITS_WAY } from './password.controller';
import { SignUpDto } from './dto/sign-up.dto';
import { TokenPairResponse } from './dto/token-pair.response';
import { TokenService } from './token.service';

@ApiTags('auth')
@Public()
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly tokens: TokenService,
  ) {}

  @Post('signup')
  @HttpCode(202)
  @UseGuards(ThrottlerGuard)
  @ApiOperation({
    summary: 'Create a VA business (tenant) and its owner, and email a link to confirm the address',
    description: 'The same answer whether or not the email has an account; an existing account is told so by email.',
  })
  @ApiAcceptedResponse({ type: AcceptedResponse })
  @ApiConflictResponse({ description: 'the workspace address is taken' })
  @ApiTooManyRequestsResponse({ description: 'too many attempts; wait and retry' })
  async signUp(@Body() dto: SignUpDto): Promise<AcceptedResponse> {
    await this.auth.signUp(dto);
    return { message: EMAIL_ON_ITS_WAY };
  }

  @Post('confirm-email')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @ApiOperation({ summary: 'Confirm the address from the emailed link (48 hours, once) and sign in' })
  @ApiOkResponse({ type: SignInResponse })
  @ApiNotFoundResponse({ description: 'not a link we sent' })
  @ApiGoneResponse({ description: 'the link was used already or has expired' })
  confirmEmail(@Body() dto: TokenDto, @RequestClient() client: ClientInfo): Promise<SignInResponse> {
    return this.auth.confirmEmail(dto.token, client);
  }

  @Post('login')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @ApiOperation({
    summary: 'Sign in with email and password; rate-limited per account and per IP',
    description: "At an agency's address (its custom domain or subdomain) the workspace is that agency's, whatever tenantSlug says.",
  })
  @ApiOkResponse({ type: SignInResponse, description: 'the token pair, or an mfaToken when a second factor is needed' })
  @ApiUnauthorizedResponse({ description: 'wrong email or password' })
  @ApiTooManyRequestsResponse({ description: 'too many attempts; wait and retry' })
  login(@Body() dto: LoginDto, @RequestClient() client: ClientInfo, @RequestHost() host?: string): Promise<SignInResponse> {
    return this.auth.login(dto, client, host);
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Trade a refresh token for a new pair; reusing a rotated one ends the whole session family' })
  @ApiOkResponse({ type: TokenPairResponse })
  @ApiUnauthorizedResponse({ description: 'unknown, expired, revoked or reused token' })
  refresh(@Body() dto: RefreshTokenDto): Promise<TokenPairResponse> {
    return this.tokens.rotate(dto.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End the session the refresh token belongs to' })
  @ApiNoContentResponse()
  async logout(@Body() dto: RefreshTokenDto): Promise<void> {
    await this.tokens.revoke(dto.refreshToken);
  }
}
