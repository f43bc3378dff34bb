import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { tenantPortalBase, portalUrl, withTenant, type PortalAddressConfig } from '@candor/db';

/** A row a sweep may act on: its tenant, found by a narrow cross-tenant SECURITY DEFINER function. */
export interface SweepCandidate {
  tenant_id: string;
}

/** How many candidates one run takes; the next tick takes the rest. */
export const SWEEP_BATCH = 500;

/**
 * The one shape of a scheduled sweep: find candidates across tenants, then act on each inside its
 * own tenant transaction (row-level security applies), counting the outcomes. `act` re-checks its
 * condition under the tenant's transaction, so two workers sweeping at once act once; it returns
 * the outcome, or null when there was nothing to do after all.
 */
export abstract class TenantSweep<C extends SweepCandidate, O extends string> {
  constructor(
    protected readonly dataSource: DataSource,
    protected readonly address: PortalAddressConfig,
    protected readonly logger: Logger,
    private readonly outcomes: readonly O[],
    private readonly done: string,
  ) {}

  /** The portal address of the tenant being acted on (its domain, subdomain or /a/<slug>), for links. */
  private portalBase: string | null = null;

  protected abstract candidates(now: Date): Promise<C[]>;

  protected abstract act(manager: EntityManager, candidate: C, now: Date): Promise<O | null>;

  async handle(now: Date = new Date()): Promise<Record<O, number>> {
    const counts = Object.fromEntries(this.outcomes.map((o) => [o, 0])) as Record<O, number>;
    const bases = new Map<string, string>();
    for (const candidate of await this.candidates(now)) {
      const outcome = await withTenant(this.dataSource, candidate.tenant_id, async (manager) => {
        const base = bases.get(candidate.tenant_id) ?? (await tenantPortalBase(manager, candidate.tenant_id, this.address));
        bases.set(candidate.tenant_id, base);
        this.portalBase = base;
        return this.act(manager, candidate, now);
      });
      if (outcome) counts[outcome] += 1;
    }
    if (this.outcomes.some((o) => counts[o] > 0)) this.logger.info({ ...counts } as Record<string, number>, this.done);
    return counts;
  }

  /** A link into the web app at the tenant's portal address (inside `act`), else at WEB_URL. */
  protected url(path: string): string {
    return this.portalBase ? portalUrl(this.portalBase, path) : new URL(path, this.address.webUrl).toString();
  }
}
