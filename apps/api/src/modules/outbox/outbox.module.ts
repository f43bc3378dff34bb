import { Global, Module } from '@nestjs/common';
import { ActorScope } from '../../common/actor-scope';
import { ScopedLookup } from '../../common/scoped-lookup';
import { TenantContext } from '../../common/tenant-context';
import { AuditService } from '../audit/audit.service';
import { AssignmentsRepository } from '../engagements/assignments.repository';
import { TenantRepository } from '../tenant/tenant.repository';
import { OutboxService } from './outbox.service';
import { RecipientsService } from './recipients.service';

/** Shared by every feature: the tenant context, the scoped lookup, the tenant row and the writers used inside its transaction (outbox, audit trail). */
@Global()
@Module({
  providers: [
    TenantContext,
    ActorScope,
    AssignmentsRepository,
    ScopedLookup,
    TenantRepository,
    OutboxService,
    RecipientsService,
    AuditService,
  ],
  exports: [TenantContext, ActorScope, ScopedLookup, TenantRepository, OutboxService, RecipientsService, AuditService],
})
export class OutboxModule {}
