import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { portalAddressColumns, prepared, SqlParams } from '@candor/db';
import { isClientRole, type Actor } from '@candor/domain';
import { TenantRepository, tenantFactsOf } from '../modules/tenant/tenant.repository';
import type { ActorRef } from './actor-ref';
import { PortalLinks } from './portal-links';

/** A lookup to run beside the facts: a query whose rows (`T`) have an `id`, and its parameters ($1 ...). */
export interface Lookup<T extends { id: string }> {
  sql: string;
  params: unknown[];
  /** The order of the rows, over the lookup's columns as `found` (a page's order), when it has more than one. */
  order?: string;
  /** Never set: names the type of the rows. */
  readonly rows?: T[];
}

interface FactColumns {
  'fact.name': string;
  'fact.settings': Record<string, unknown>;
  'fact.slug': string;
  'fact.domain': string | null;
  'fact.actorName': string | null;
}

/**
 * What a write's answer and emails need of the tenant (its facts, its portal address) and of the caller
 * (their name), read in the same statement as the row the request names instead of three of their own.
 * The tenant facts and the address are kept for the rest of the transaction (TenantRepository.facts,
 * PortalLinks.base answer them without a query).
 */
@Injectable()
export class RequestFacts {
  constructor(
    private readonly tenants: TenantRepository,
    private readonly links: PortalLinks,
  ) {}

  /** The rows of `lookup` (none when it finds none) and the caller as emails name them. */
  async alongside<T extends { id: string }>(
    manager: EntityManager,
    actor: Actor,
    { sql, params, order }: Lookup<T>,
  ): Promise<{ rows: T[]; actor: ActorRef }> {
    const { bind, values } = new SqlParams(...params);
    const rows: (T & FactColumns)[] = await manager.query(
      // The facts worked out once (MATERIALIZED: not again for each row found), then beside every row.
      prepared(`WITH facts AS MATERIALIZED (
         SELECT t.name AS "fact.name", t.settings AS "fact.settings", ${portalAddressColumns('t', 'fact.')},
                (SELECT display_name FROM users WHERE id = ${bind(actor.userId)}) AS "fact.actorName"
         FROM tenants t WHERE t.id = ${bind(actor.tenantId)})
       SELECT facts.*, found.* FROM facts LEFT JOIN (${sql}) found ON TRUE${order ? ` ORDER BY ${order}` : ''}`),
      values,
    );
    const [first] = rows;
    if (!first) throw new Error('The tenant of this transaction is gone');
    this.tenants.remember(manager, actor.tenantId, tenantFactsOf({ name: first['fact.name'], settings: first['fact.settings'] }));
    this.links.remember(manager, actor.tenantId, { slug: first['fact.slug'], domain: first['fact.domain'] });
    return {
      rows: rows.filter((r) => r.id !== null).map((r) => withoutFacts(r)),
      actor: { userId: actor.userId, displayName: first['fact.actorName'] ?? '', isClient: isClientRole(actor.role) },
    };
  }
}

/** The row found, without the facts beside it (a page holds 50: no per-key filtering). */
function withoutFacts<T>(row: T & FactColumns): T {
  const {
    'fact.name': _name,
    'fact.settings': _settings,
    'fact.slug': _slug,
    'fact.domain': _domain,
    'fact.actorName': _actorName,
    ...found
  } = row;
  return found as T;
}
