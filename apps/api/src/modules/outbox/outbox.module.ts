import { Global, Module } from '@nestjs/common';
import { ActorScope } from '../../common/actor-scope';
import { PortalLinks } from '../../common/portal-links';
import { RequestFacts } from '../../common/request-facts';
import { ScopedLookup } from '../../common/scoped-lookup';
import { TenantContext } from '../../common/tenant-context';
import { AuditService } from '../audit/audit.service';
import { AssignmentsRepository } from '../engagements/assignments.repository';
import { TenantRepository } from '../tenant/tenant.repository';
import { OutboxService } from './outbox.service';
import { RecipientsService } from './recipients.service';

/** Shared by every feature: the tenant context, the scoped lookup, the tenant row and the writers used inside its transaction (outbox, audit trail), the links to the tenant's portal address. */
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
    PortalLinks,
    RequestFacts,
  ],
  exports: [
    TenantContext,
    ActorScope,
    ScopedLookup,
    TenantRepository,
    OutboxService,
    RecipientsService,
    AuditService,
    PortalLinks,
    RequestFacts,
  ],
})
export class OutboxModule {}
