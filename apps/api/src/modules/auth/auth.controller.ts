import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Public } from '../../common/access.decorators';
import { RequestClient, type ClientInfo } from '../../common/client-info.decorator';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { RefreshTokenDto } from './dto/refresh-token.dto';
import { SignInResponse } from './dto/sign-in.response';
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
  @ApiOperation({ summary: 'Create a VA business (tenant) and its owner, and sign the owner in' })
  @ApiCreatedResponse({ type: TokenPairResponse })
  @ApiConflictResponse({ description: 'the email or the workspace address is taken' })
  signUp(@Body() dto: SignUpDto): Promise<TokenPairResponse> {
    return this.auth.signUp(dto);
  }

  @Post('login')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @ApiOperation({ summary: 'Sign in with email and password; rate-limited per account and per IP' })
  @ApiOkResponse({ type: SignInResponse, description: 'the token pair, or an mfaToken when a second factor is needed' })
  @ApiUnauthorizedResponse({ description: 'wrong email or password' })
  @ApiTooManyRequestsResponse({ description: 'too many attempts; wait and retry' })
  login(@Body() dto: LoginDto, @RequestClient() client: ClientInfo): Promise<SignInResponse> {
    return this.auth.login(dto, client);
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
