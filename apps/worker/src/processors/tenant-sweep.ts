import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { withTenant } from '@candor/db';

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
    protected readonly webUrl: string,
    protected readonly logger: Logger,
    private readonly outcomes: readonly O[],
    private readonly done: string,
  ) {}

  protected abstract candidates(now: Date): Promise<C[]>;

  protected abstract act(manager: EntityManager, candidate: C, now: Date): Promise<O | null>;

  async handle(now: Date = new Date()): Promise<Record<O, number>> {
    const counts = Object.fromEntries(this.outcomes.map((o) => [o, 0])) as Record<O, number>;
    for (const candidate of await this.candidates(now)) {
      const outcome = await withTenant(this.dataSource, candidate.tenant_id, (manager) => this.act(manager, candidate, now));
      if (outcome) counts[outcome] += 1;
    }
    if (this.outcomes.some((o) => counts[o] > 0)) this.logger.info({ ...counts } as Record<string, number>, this.done);
    return counts;
  }

  /** A link into the web app. */
  protected url(path: string): string {
    return new URL(path, this.webUrl).toString();
  }
}
