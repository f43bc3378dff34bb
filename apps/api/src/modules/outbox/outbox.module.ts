import { Global, Module } from '@nestjs/common';
import { ActorScope } from '../../common/actor-scope';
import { TenantContext } from '../../common/tenant-context';
import { AuditService } from '../audit/audit.service';
import { OutboxService } from './outbox.service';
import { RecipientsService } from './recipients.service';

/** Shared by every feature: the tenant context and the writers used inside its transaction (outbox, audit trail). */
@Global()
@Module({
  providers: [TenantContext, ActorScope, OutboxService, RecipientsService, AuditService],
  exports: [TenantContext, ActorScope, OutboxService, RecipientsService, AuditService],
})
export class OutboxModule {}
