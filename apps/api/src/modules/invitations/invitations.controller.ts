import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '@candor/domain';
import { CurrentActor, Policy, Public } from '../../common/access.decorators';
import { TokenPairResponse } from '../auth/dto/token-pair.response';
import { AcceptInvitationDto } from './dto/accept-invitation.dto';
import { CreateInvitationDto } from './dto/create-invitation.dto';
import { InvitationPreviewResponse, InvitationResponse } from './dto/invitation.response';
import { LookupInvitationDto } from './dto/lookup-invitation.dto';
import { presentInvitation } from './invitation.presenter';
import { InvitationsService } from './invitations.service';

@ApiTags('invitations')
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly service: InvitationsService) {}

  @Get()
  @ApiBearerAuth()
  @Policy('read', 'Invitation')
  @ApiOperation({ summary: 'Pending invitations (a client_admin sees those of their account)' })
  @ApiOkResponse({ type: [InvitationResponse] })
  async list(@CurrentActor() actor: Actor): Promise<InvitationResponse[]> {
    return (await this.service.list(actor)).map(presentInvitation);
  }

  @Post()
  @ApiBearerAuth()
  @Policy('create', 'Invitation')
  @ApiOperation({ summary: 'Invite staff (owner, manager) or a client contact (also a client_admin for their account); emails a link' })
  @ApiCreatedResponse({ type: InvitationResponse })
  @ApiConflictResponse({ description: 'already a member' })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateInvitationDto): Promise<InvitationResponse> {
    return presentInvitation(await this.service.create(actor, dto));
  }

  @Get('lookup')
  @Public()
  @ApiOperation({ summary: 'What an invitation link is for, before accepting it' })
  @ApiOkResponse({ type: InvitationPreviewResponse })
  @ApiNotFoundResponse({ description: 'unknown link' })
  @ApiGoneResponse({ description: 'expired or already used' })
  lookup(@Query() query: LookupInvitationDto): Promise<InvitationPreviewResponse> {
    return this.service.preview(query.tenant, query.token);
  }

  @Post('accept')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept an invitation: set the password, join the workspace and sign in' })
  @ApiOkResponse({ type: TokenPairResponse })
  @ApiGoneResponse({ description: 'expired or already used' })
  accept(@Body() dto: AcceptInvitationDto): Promise<TokenPairResponse> {
    return this.service.accept(dto);
  }
}
