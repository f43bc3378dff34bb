import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@candor/domain';
import { CurrentActor, Policy } from '../../common/access.decorators';
import { AcceptedResponse } from './dto/accepted.response';
import { ChangeEmailDto } from './dto/change-email.dto';
import { ChangePasswordDto } from './dto/change-password.dto';
import { PasswordService } from './password.service';

@ApiTags('security')
@ApiBearerAuth()
@Controller('me')
export class AccountSecurityController {
  constructor(private readonly passwords: PasswordService) {}

  @Post('password')
  @HttpCode(204)
  @Policy('update', 'Me')
  @ApiOperation({ summary: 'Change your password; every other session of yours ends, this one stays' })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ description: 'the current password is wrong, or the new one too short' })
  async changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto): Promise<void> {
    await this.passwords.change(actor, dto.currentPassword, dto.newPassword);
  }

  @Post('email')
  @HttpCode(202)
  @Policy('update', 'Me')
  @ApiOperation({ summary: 'Change your email: a link goes to the new address (24 hours), a notice to the current one' })
  @ApiAcceptedResponse({ type: AcceptedResponse })
  @ApiBadRequestResponse({ description: 'the current password is wrong' })
  async changeEmail(@CurrentActor() actor: Actor, @Body() dto: ChangeEmailDto): Promise<AcceptedResponse> {
    await this.passwords.requestEmailChange(actor, dto.newEmail, dto.currentPassword);
    return { message: `Open the link we sent to ${dto.newEmail.trim().toLowerCase()} to finish the change.` };
  }
}
