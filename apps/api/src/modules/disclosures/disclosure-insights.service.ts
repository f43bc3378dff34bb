import { Injectable, NotFoundException } from '@nestjs/common';
import { clientAccountInScope, type Actor } from '@candor/domain';
import { ActorScope } from '../../common/actor-scope';
import { TenantContext } from '../../common/tenant-context';
import { EngagementsRepository } from '../engagements/engagements.repository';
import { DisclosureInsightsRepository } from './disclosure-insights.repository';
import type {
  AnalyticsQuery,
  AnalyticsResponse,
  CreditsResponse,
  LessonResponse,
  LessonsQuery,
  ServiceRecordResponse,
} from './dto/insights.dto';

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Read models over disclosures: the client's service record and credits, the team's analytics and lessons. */
@Injectable()
export class DisclosureInsightsService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly scopes: ActorScope,
    private readonly repository: DisclosureInsightsRepository,
    private readonly engagements: EngagementsRepository,
  ) {}

  /** Past disclosures of one client account, in the client-facing words only. */
  async serviceRecord(actor: Actor, clientAccountId: string): Promise<ServiceRecordResponse> {
    const clientName = await this.visibleClient(actor, clientAccountId);
    const entries = await this.repository.serviceRecord(this.tenant.manager, await this.scopes.of(actor), clientAccountId);
    const times = entries.map((e) => e.timeToDiscloseSeconds).filter((t): t is number => t !== null);
    return {
      clientAccountId,
      clientName,
      disclosed: entries.length,
      resolved: entries.filter((e) => e.resolvedAt).length,
      medianTimeToDiscloseSeconds: median(times),
      entries,
    };
  }

  async credits(actor: Actor, clientAccountId: string): Promise<CreditsResponse> {
    await this.visibleClient(actor, clientAccountId);
    return this.repository.credits(this.tenant.manager, await this.scopes.of(actor), clientAccountId);
  }

  async analytics(actor: Actor, query: AnalyticsQuery): Promise<AnalyticsResponse> {
    const to = query.to ?? new Date().toISOString().slice(0, 7);
    const from = query.from ?? shiftMonth(to, -11);
    // Months are read in the tenant's time zone, like timesheets.
    const { byMonth, summary, offers, compensationTotals } = await this.repository.analytics(
      this.tenant.manager,
      actor.tenantId,
      `${from}-01`,
      `${shiftMonth(to, 1)}-01`,
    );
    const round = (n: number | null) => (n === null ? null : Math.round(n));
    return {
      from,
      to,
      byMonth,
      disclosures: summary.disclosures,
      medianTimeToDiscloseSeconds: round(summary.ttd),
      medianTimeToResolveSeconds: round(summary.ttr),
      remedyAcceptanceRate: summary.proposed ? summary.accepted / summary.proposed : null,
      offerAcceptanceRate: offers.answered ? offers.accepted / offers.answered : null,
      compensationTotals,
    };
  }

  /** The team's lessons across disclosures, newest first; blameless: no names of people involved. */
  lessons(actor: Actor, query: LessonsQuery): Promise<LessonResponse[]> {
    const q = query.q?.trim();
    return this.repository.lessons(this.tenant.manager, actor.tenantId, query.category ?? null, q ? likePattern(q) : null);
  }

  private async visibleClient(actor: Actor, clientAccountId: string): Promise<string> {
    const name = (await this.engagements.clientNames(this.tenant.manager, actor.tenantId, [clientAccountId])).get(clientAccountId);
    if (name === undefined || !clientAccountInScope(await this.scopes.of(actor), clientAccountId)) {
      throw new NotFoundException('Client account not found');
    }
    return name;
  }
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
}

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return d.toISOString().slice(0, 7);
}
