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

/** What every feature may inject: the tenant context, the scoped lookup, the tenant row, the writers used inside its transaction (outbox, audit trail), the links to the tenant's portal address and the request's facts. */
const SHARED = [
  TenantContext,
  ActorScope,
  ScopedLookup,
  TenantRepository,
  OutboxService,
  RecipientsService,
  AuditService,
  PortalLinks,
  RequestFacts,
];

@Global()
@Module({ providers: [...SHARED, AssignmentsRepository], exports: SHARED })
export class OutboxModule {}
