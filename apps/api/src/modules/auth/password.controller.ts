import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiGoneResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Public } from '../../common/access.decorators';
import { AcceptedResponse } from './dto/accepted.response';
import { EmailDto } from './dto/email.dto';
import { ResetPasswordDto } from './dto/reset-password.dto';
import { TokenDto } from './dto/token.dto';
import { PasswordService } from './password.service';

export const EMAIL_ON_ITS_WAY = 'If the address can be used, an email is on its way; it tells you what to do next.';

@ApiTags('auth')
@Public()
@Controller('auth')
export class PasswordController {
  constructor(private readonly passwords: PasswordService) {}

  @Post('password-reset')
  @HttpCode(202)
  @UseGuards(ThrottlerGuard)
  @ApiOperation({ summary: 'Email a single-use link (1 hour) to set a new password; the same answer for any address' })
  @ApiAcceptedResponse({ type: AcceptedResponse })
  @ApiTooManyRequestsResponse({ description: 'too many requests; wait and retry' })
  requestReset(@Body() dto: EmailDto): AcceptedResponse {
    this.passwords.requestReset(dto.email);
    return { message: EMAIL_ON_ITS_WAY };
  }

  @Post('password-reset/confirm')
  @HttpCode(204)
  @UseGuards(ThrottlerGuard)
  @ApiOperation({ summary: 'Set the new password from the emailed link; every session of the account ends' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'not a link we sent' })
  @ApiGoneResponse({ description: 'the link was used already or has expired' })
  async reset(@Body() dto: ResetPasswordDto): Promise<void> {
    await this.passwords.reset(dto.token, dto.password);
  }

  @Post('email-change/confirm')
  @HttpCode(204)
  @ApiOperation({ summary: 'Confirm a new email address from the link sent to it' })
  @ApiNoContentResponse()
  @ApiGoneResponse({ description: 'the link was used already or has expired' })
  @ApiConflictResponse({ description: 'the address belongs to another account now' })
  async confirmEmailChange(@Body() dto: TokenDto): Promise<void> {
    await this.passwords.confirmEmailChange(dto.token);
  }
}
