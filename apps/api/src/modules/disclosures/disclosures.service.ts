import { BadRequestException, ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { commentInsertSql, writeTogether, type CtePart } from '@candor/db';
import { findNamedPeople, isClientRole, isDisclosed, type Actor, type DisclosureStatus } from '@candor/domain';
import type { ActorRef } from '../../common/actor-ref';
import { ActorScope } from '../../common/actor-scope';
import { BadInputException } from '../../common/errors/api-error';
import { RequestFacts } from '../../common/request-facts';
import { foundInScope, ScopedLookup } from '../../common/scoped-lookup';
import { decodeCursor, encodeCursor } from '../../common/keyset-cursor';
import { TenantContext } from '../../common/tenant-context';
import { EngagementsService } from '../engagements/engagements.service';
import { TenantRepository } from '../tenant/tenant.repository';
import { presentDisclosure } from './disclosure.presenter';
import { DisclosureEventsWriter } from './disclosure-events.writer';
import { DisclosureNotifier } from './disclosure.notifier';
import { DisclosuresRepository, type DisclosureRow } from './disclosures.repository';
import type { CreateDisclosureDto } from './dto/create-disclosure.dto';
import type { DisclosureClientResponse, DisclosurePageResponse, DisclosureStaffResponse } from './dto/disclosure.response';
import type { ListDisclosuresQuery } from './dto/list-disclosures.query';
import type { DisclosureCommentDto } from './dto/transition.dto';
import type { UpdateDisclosureDto } from './dto/update-disclosure.dto';

export type DisclosureResponse = DisclosureClientResponse | DisclosureStaffResponse;

const CLIENT_FACING_FIELDS = ['whatHappened', 'impact', 'apology', 'remedyPlan', 'resolutionSummary', 'preventionSummary'] as const;
const FACT_FIELDS = ['whatHappened', 'impact', 'apology', 'category', 'severity', 'detectedBy', 'occurredAt', 'discoveredAt'] as const;
const REMEDY_FIELDS = ['remedyPlan', 'remedyDueAt'] as const;
const REMEDY_EDITABLE: DisclosureStatus[] = ['draft', 'in_review', 'disclosed', 'acknowledged', 'remedy_changes_requested'];

const COLUMN: Record<string, string> = {
  whatHappened: 'what_happened',
  impact: 'impact',
  apology: 'apology',
  remedyPlan: 'remedy_plan',
  remedyDueAt: 'remedy_due_at',
  rootCause: 'root_cause',
  contributingFactors: 'contributing_factors',
  lessonsLearned: 'lessons_learned',
  preventiveActions: 'preventive_actions',
  category: 'category',
  severity: 'severity',
  detectedBy: 'detected_by',
  occurredAt: 'occurred_at',
  discoveredAt: 'discovered_at',
};

/** Drafting, reading and commenting on disclosures; the lifecycle steps live in DisclosureLifecycleService. */
@Injectable()
export class DisclosuresService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly scopes: ActorScope,
    private readonly lookup: ScopedLookup,
    private readonly tenants: TenantRepository,
    private readonly repository: DisclosuresRepository,
    private readonly engagements: EngagementsService,
    private readonly events: DisclosureEventsWriter,
    private readonly notifier: DisclosureNotifier,
    private readonly facts: RequestFacts,
  ) {}

  async list(actor: Actor, query: ListDisclosuresQuery): Promise<DisclosurePageResponse> {
    const limit = query.limit ?? 50;
    // The page and the tenant's facts its items are shown with, in one statement.
    const lookup = this.repository.findQuery(await this.scopes.of(actor), {
      ...query,
      after: query.cursor ? decodeCursor(query.cursor) : undefined,
      limit: limit + 1,
    });
    const { rows } = await this.facts.alongside(this.tenant.manager, actor, lookup);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: await this.present(actor, page),
      nextCursor: rows.length > limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
    };
  }

  async get(actor: Actor, id: string): Promise<DisclosureResponse> {
    return this.presentOne(actor, await this.findVisible(actor, id));
  }

  async create(actor: Actor, dto: CreateDisclosureDto): Promise<DisclosureResponse> {
    const manager = this.tenant.manager;
    const engagement = await this.engagements.findVisible(actor, dto.engagementId);
    const occurredAt = new Date(dto.occurredAt);
    const discoveredAt = new Date(dto.discoveredAt);
    this.assertTimes(occurredAt, discoveredAt);
    const involved = await this.checkedInvolved(actor, dto.involvedUserIds ?? []);
    if (dto.deliverableId) await this.assertDeliverableOf(actor.tenantId, engagement.id, dto.deliverableId);
    // A standing remedy agreed for this category starts the draft, unless the author wrote one.
    const [policy]: {
      remedyPlan: string;
      remedyDueHours: number;
      offerKind: string | null;
      offerValue: string | null;
      offerCurrency: string | null;
      offerNote: string;
      offerValidDays: number;
    }[] = await manager.query(
      `SELECT remedy_plan AS "remedyPlan", remedy_due_hours AS "remedyDueHours", offer_kind AS "offerKind", offer_value::text AS "offerValue",
                offer_currency AS "offerCurrency", offer_note AS "offerNote", offer_valid_days AS "offerValidDays"
         FROM remedy_policies WHERE tenant_id = $1 AND engagement_id = $2 AND category = $3`,
      [actor.tenantId, engagement.id, dto.category],
    );
    const usePolicy = policy && !dto.remedyPlan?.trim();
    const id = randomUUID();
    await manager.query(
      `INSERT INTO disclosures (tenant_id, id, engagement_id, client_account_id, author_id, category, severity, detected_by, what_happened, impact,
         apology, remedy_plan, remedy_due_at, root_cause, contributing_factors, lessons_learned, preventive_actions, occurred_at, discovered_at, deliverable_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)`,
      [
        actor.tenantId,
        id,
        engagement.id,
        engagement.clientAccountId,
        actor.userId,
        dto.category,
        dto.severity,
        dto.detectedBy ?? 'self',
        dto.whatHappened.trim(),
        dto.impact?.trim() ?? '',
        dto.apology?.trim() ?? '',
        usePolicy ? policy.remedyPlan : (dto.remedyPlan?.trim() ?? ''),
        usePolicy && !dto.remedyDueAt ? new Date(Date.now() + policy.remedyDueHours * 3_600_000) : (dto.remedyDueAt ?? null),
        dto.rootCause?.trim() ?? '',
        dto.contributingFactors?.trim() ?? '',
        dto.lessonsLearned?.trim() ?? '',
        dto.preventiveActions?.trim() ?? '',
        occurredAt,
        discoveredAt,
        dto.deliverableId ?? null,
      ],
    );
    await this.repository.replaceInvolved(manager, actor.tenantId, id, involved);
    await this.events.record(actor, id, {
      action: 'created',
      toStatus: 'draft',
      visibility: 'internal',
      detail: { fromPolicy: usePolicy },
    });
    if (usePolicy && policy.offerKind) {
      await manager.query(
        `INSERT INTO compensation_offers (tenant_id, id, disclosure_id, kind, value, currency, note, expires_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(days => $8), $9)`,
        [
          actor.tenantId,
          randomUUID(),
          id,
          policy.offerKind,
          policy.offerValue,
          policy.offerCurrency,
          policy.offerNote,
          policy.offerValidDays,
          actor.userId,
        ],
      );
    }
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, dto: UpdateDisclosureDto): Promise<DisclosureResponse> {
    const manager = this.tenant.manager;
    const before = await this.findWorkable(actor, id, true);
    const { involvedUserIds, ...fields } = dto;
    // A null clears the remedy's due date; for any other field it means "no change".
    const changed = Object.keys(fields).filter((k) => {
      const value = fields[k as keyof typeof fields];
      return value !== undefined && (value !== null || k === 'remedyDueAt');
    });
    const facts = changed.filter((k) => (FACT_FIELDS as readonly string[]).includes(k));
    if (facts.length && isDisclosed(before.status)) {
      throw new ConflictException(
        `The client has read this disclosure, so ${facts.join(', ')} stay as disclosed; add a comment to correct or add to them`,
      );
    }
    const remedy = changed.filter((k) => (REMEDY_FIELDS as readonly string[]).includes(k));
    if (remedy.length && !REMEDY_EDITABLE.includes(before.status)) {
      throw new ConflictException(`The remedy cannot change while the disclosure is ${before.status}`);
    }
    if (before.status === 'closed') throw new ConflictException('This disclosure is closed; it can no longer change');
    if (dto.occurredAt || dto.discoveredAt) {
      this.assertTimes(new Date(dto.occurredAt ?? before.occurredAt), new Date(dto.discoveredAt ?? before.discoveredAt));
    }
    if (changed.length) {
      const params: unknown[] = [actor.tenantId, id];
      const sets = changed.map((k) => {
        const value = fields[k as keyof typeof fields];
        params.push(typeof value === 'string' && !k.endsWith('At') ? value.trim() : value);
        return `${COLUMN[k]} = $${params.length}`;
      });
      await manager.query(`UPDATE disclosures SET ${sets.join(', ')}, updated_at = now() WHERE tenant_id = $1 AND id = $2`, params);
    }
    if (involvedUserIds)
      await this.repository.replaceInvolved(manager, actor.tenantId, id, await this.checkedInvolved(actor, involvedUserIds));
    await this.events.record(actor, id, {
      action: 'updated',
      visibility: 'internal',
      detail: { fields: [...changed, ...(involvedUserIds ? ['involvedUserIds'] : [])] },
    });
    return this.get(actor, id);
  }

  /**
   * Three statements: the disclosure with the tenant's facts and the caller's name, the comment with
   * its emails, the answer's detail (the staff's blameless check reads the people involved too).
   */
  async comment(actor: Actor, id: string, dto: DisclosureCommentDto): Promise<DisclosureResponse> {
    const client = isClientRole(actor.role);
    const { row: d, by } = await this.findWithFacts(actor, id);
    const visibility = dto.visibility ?? 'client';
    if (client && visibility === 'internal') throw new ForbiddenException('Internal comments are for the team only');
    if (visibility === 'client' && !isDisclosed(d.status)) {
      throw new ConflictException('The client cannot see this disclosure yet; comment internally until it is disclosed');
    }
    if (!client && visibility === 'client') await this.assertBlameless(actor.tenantId, d.id, { comment: dto.body });
    const body = dto.body.trim();
    const comment = {
      tenantId: actor.tenantId,
      subjectType: 'disclosure',
      subjectId: id,
      authorId: actor.userId,
      visibility,
      kind: 'comment',
    } as const;
    const written: CtePart = (bind) => `comment AS (${commentInsertSql(bind, { ...comment, id: randomUUID(), body })})`;
    const emails =
      visibility === 'client'
        ? [await this.notifier.notice(actor.tenantId, d, client ? 'team' : 'client_contacts', 'disclosure_comment', { comment: body }, by)]
        : [];
    await writeTogether(this.tenant.manager, [written, ...emails]);
    return this.presentOne(actor, d);
  }

  /**
   * The disclosure in the caller's scope (404 as `findVisible`; staff and clients alike may read it), read
   * with the tenant's facts and the caller's name (RequestFacts); `lock` locks it for a change.
   */
  async findWithFacts(actor: Actor, id: string, lock = false): Promise<{ row: DisclosureRow; by: ActorRef }> {
    const scope = await this.scopes.of(actor);
    const { rows, actor: by } = await this.facts.alongside<DisclosureRow>(
      this.tenant.manager,
      actor,
      this.repository.findQuery(scope, { id }, lock),
    );
    return { row: foundInScope(rows[0], 'Disclosure'), by };
  }

  /** A disclosure in the caller's scope: 404 for another tenant's, one outside the scope, or (for clients) a draft. */
  findVisible(actor: Actor, id: string): Promise<DisclosureRow> {
    return this.lookup.visible(actor, this.repository, id, 'Disclosure');
  }

  /** A disclosure the caller works on as staff, optionally locked for a change; clients get 404 or 403. */
  findWorkable(actor: Actor, id: string, lock = false): Promise<DisclosureRow> {
    return this.lookup.workable(actor, this.repository, id, 'Disclosure', lock);
  }

  /** Refuses client-facing words that name a person involved, pointing at the words. */
  async assertBlameless(tenantId: string, disclosureId: string, fields: Record<string, string | null | undefined>): Promise<void> {
    const people = (await this.repository.involved(this.tenant.manager, tenantId, [disclosureId])).get(disclosureId) ?? [];
    const named = findNamedPeople(fields, people);
    if (named.length) {
      const where = named.map((n) => `"${n.words}" in ${n.field}`).join(', ');
      // Each item points the web at the field and the words (quoted); the summary says it for people.
      throw new BadInputException(
        named.map((n) => ({ code: 'names_involved_person', field: n.field, message: `This names a person involved: "${n.words}".` })),
        [`Client-facing text names a person involved: ${where}. Describe what happened as the team ("we"), without names.`],
      );
    }
  }

  clientFacing(row: DisclosureRow): Record<string, string> {
    return Object.fromEntries(CLIENT_FACING_FIELDS.map((f) => [f, row[f]]));
  }

  /** The answer for one disclosure: `row` with its detail (one statement) and the tenant's facts (read once per request). */
  async presentOne(actor: Actor, row: DisclosureRow): Promise<DisclosureResponse> {
    const manager = this.tenant.manager;
    const detail = await this.repository.detail(manager, await this.scopes.of(actor), row.id, !isClientRole(actor.role));
    return presentDisclosure(actor, await this.tenants.facts(manager, actor.tenantId), row, detail);
  }

  private async present(actor: Actor, rows: DisclosureRow[]): Promise<DisclosureResponse[]> {
    const facts = await this.tenants.facts(this.tenant.manager, actor.tenantId);
    if (isClientRole(actor.role)) return rows.map((r) => presentDisclosure(actor, facts, r));
    const involved = await this.repository.involved(
      this.tenant.manager,
      actor.tenantId,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({ ...presentDisclosure(actor, facts, r), involved: involved.get(r.id) ?? [] }));
  }

  private async assertDeliverableOf(tenantId: string, engagementId: string, deliverableId: string): Promise<void> {
    const found: unknown[] = await this.tenant.manager.query(
      `SELECT 1 FROM deliverables WHERE tenant_id = $1 AND id = $2 AND engagement_id = $3`,
      [tenantId, deliverableId, engagementId],
    );
    if (!found.length) throw new BadRequestException('deliverableId must be a deliverable of the same engagement');
  }

  private assertTimes(occurredAt: Date, discoveredAt: Date): void {
    if (discoveredAt < occurredAt)
      throw new BadRequestException('discoveredAt cannot be before occurredAt: an error is found after it happens');
    if (discoveredAt.getTime() > Date.now() + 60_000) throw new BadRequestException('discoveredAt cannot be in the future');
  }

  private async checkedInvolved(actor: Actor, userIds: string[]): Promise<string[]> {
    const unique = [...new Set(userIds)];
    const staff = await this.repository.staffIds(this.tenant.manager, actor.tenantId, unique);
    const unknown = unique.filter((u) => !staff.has(u));
    if (unknown.length)
      throw new BadRequestException(`involvedUserIds must be team members of this workspace; unknown: ${unknown.join(', ')}`);
    return unique;
  }
}
