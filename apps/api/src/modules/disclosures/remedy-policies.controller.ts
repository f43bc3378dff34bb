import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '@candor/domain';
import { CurrentActor, Policy, SessionCheckedInTransaction } from '../../common/access.decorators';
import { RemedyPolicyParams, RemedyPolicyDto, RemedyPolicyResponse } from './dto/remedy-policy.dto';
import { RemedyPoliciesService } from './remedy-policies.service';

@ApiTags('engagements')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'unknown engagement, or not visible to the caller' })
@SessionCheckedInTransaction()
@Controller('engagements/:engagementId/remedy-policies')
export class RemedyPoliciesController {
  constructor(private readonly service: RemedyPoliciesService) {}

  @Get()
  @Policy('read', 'RemedyPolicy')
  @ApiOperation({ summary: 'The remedies agreed up front, per category of error (everyone on the engagement)' })
  @ApiOkResponse({ type: [RemedyPolicyResponse] })
  list(@CurrentActor() actor: Actor, @Param('engagementId', ParseUUIDPipe) engagementId: string): Promise<RemedyPolicyResponse[]> {
    return this.service.list(actor, engagementId);
  }

  @Put(':category')
  @Policy('update', 'RemedyPolicy')
  @ApiOperation({ summary: 'Agree the standing remedy (and offer) for a category; new disclosures of it start with them (owner, manager)' })
  @ApiOkResponse({ type: RemedyPolicyResponse })
  @ApiBadRequestResponse({ description: 'unknown category, or an offer value that does not fit its kind' })
  put(
    @CurrentActor() actor: Actor,
    @Param() { engagementId, category }: RemedyPolicyParams,
    @Body() dto: RemedyPolicyDto,
  ): Promise<RemedyPolicyResponse> {
    return this.service.put(actor, engagementId, category, dto);
  }

  @Delete(':category')
  @HttpCode(204)
  @Policy('delete', 'RemedyPolicy')
  @ApiOperation({ summary: 'Remove the standing remedy of a category (owner, manager)' })
  @ApiNoContentResponse()
  remove(@CurrentActor() actor: Actor, @Param() { engagementId, category }: RemedyPolicyParams): Promise<void> {
    return this.service.remove(actor, engagementId, category);
  }
}
