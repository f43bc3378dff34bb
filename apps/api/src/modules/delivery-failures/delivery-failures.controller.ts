import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@candor/domain';
import { CurrentActor, Policy } from '../../common/access.decorators';
import { DeliveryFailuresService } from './delivery-failures.service';
import { BouncedRecipientResponse } from './dto/bounced-recipient.response';
import { DeliveryFailurePageResponse, DeliveryFailureResponse } from './dto/delivery-failure.response';
import { ListDeliveryFailuresQuery } from './dto/list-delivery-failures.query';

@ApiTags('deliveries')
@ApiBearerAuth()
@Controller('delivery-failures')
export class DeliveryFailuresController {
  constructor(private readonly service: DeliveryFailuresService) {}

  @Get()
  @Policy('read', 'FailedDelivery')
  @ApiOperation({ summary: 'Emails that failed for good or are being retried, newest first, a page at a time (owner, manager)' })
  @ApiOkResponse({ type: DeliveryFailurePageResponse })
  list(@CurrentActor() actor: Actor, @Query() query: ListDeliveryFailuresQuery): Promise<DeliveryFailurePageResponse> {
    return this.service.list(actor, query);
  }

  @Get('bounced')
  @Policy('read', 'FailedDelivery')
  @ApiOperation({ summary: 'Addresses whose latest email bounced permanently, with nothing delivered since (owner, manager)' })
  @ApiOkResponse({ type: [BouncedRecipientResponse] })
  bounced(@CurrentActor() actor: Actor): Promise<BouncedRecipientResponse[]> {
    return this.service.bounced(actor);
  }

  @Post(':id/send-again')
  @HttpCode(200)
  @Policy('update', 'FailedDelivery')
  @ApiOperation({ summary: 'Sends a failed email once more, with a fresh set of attempts (owner, manager)' })
  @ApiOkResponse({ type: DeliveryFailureResponse, description: 'back in the outbox; the worker sends it within seconds' })
  @ApiNotFoundResponse({ description: 'no such notification in this workspace' })
  @ApiConflictResponse({ description: 'the email has not failed (delivered, on its way or being retried)' })
  sendAgain(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DeliveryFailureResponse> {
    return this.service.sendAgain(actor, id);
  }
}
