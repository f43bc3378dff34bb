import { BadRequestException, Body, ConflictException, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Public } from '../../common/access.decorators';
import { RequestClient, type ClientInfo } from '../../common/client-info.decorator';
import { SignInResponse } from './dto/sign-in.response';
import { MfaTokenDto, VerifyTwoFactorDto } from './dto/two-factor.dto';
import { TwoFactorSetupResponse } from './dto/two-factor.response';
import { SignInService } from './sign-in.service';
import { TwoFactorService } from './two-factor.service';

@ApiTags('auth')
@Public()
@UseGuards(ThrottlerGuard)
@ApiTooManyRequestsResponse({ description: 'too many attempts; wait and retry' })
@ApiUnauthorizedResponse({ description: 'the mfaToken expired (5 minutes) or is not one' })
@Controller('auth/two-factor')
export class TwoFactorSignInController {
  constructor(
    private readonly signIn: SignInService,
    private readonly twoFactor: TwoFactorService,
  ) {}

  @Post('setup')
  @HttpCode(200)
  @ApiOperation({ summary: 'During a sign-in the workspace requires two-factor for: set up the app (secret and QR code)' })
  @ApiOkResponse({ type: TwoFactorSetupResponse })
  async setup(@Body() dto: MfaTokenDto): Promise<TwoFactorSetupResponse> {
    const claims = await this.signIn.readMfaToken(dto.mfaToken);
    return this.twoFactor.setup(claims.sub);
  }

  @Post('verify')
  @HttpCode(200)
  @ApiOperation({
    summary: 'The second step of a sign-in: a code from the app or a recovery code',
    description: 'During a required set-up, the first code turns two-factor on and the answer carries the ten recovery codes.',
  })
  @ApiOkResponse({ type: SignInResponse })
  @ApiBadRequestResponse({ description: 'wrong code or recovery code' })
  async verify(@Body() dto: VerifyTwoFactorDto, @RequestClient() client: ClientInfo): Promise<SignInResponse> {
    if (!dto.code === !dto.recoveryCode) throw new BadRequestException('Send either code or recoveryCode');
    const claims = await this.signIn.readMfaToken(dto.mfaToken);
    if (!(await this.twoFactor.isOn(claims.sub))) {
      if (!dto.code) throw new ConflictException('Set up your authenticator app first, then enter its code');
      const recoveryCodes = await this.twoFactor.enable(claims.sub, dto.code);
      return { ...(await this.signIn.completeVerified(claims, client)), recoveryCodes };
    }
    if (!(await this.twoFactor.check(claims.sub, dto))) {
      throw new BadRequestException(
        dto.code ? 'That code is not right; try the next one your app shows' : 'That recovery code is not right or was already used',
      );
    }
    return this.signIn.completeVerified(claims, client);
  }
}
