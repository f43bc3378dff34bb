import { randomUUID } from 'node:crypto';
import {
  addMember,
  createClientAccount,
  createEngagement,
  insertDisclosure,
  insertFollowUp,
  insertOffer,
  signUpTenant,
  type Member,
  type TenantFixture,
} from '../support/factories';
import { emailsTo, type SinkEmail } from '../support/mail-sink';
import { withOwner } from '../support/owner-db';
import { startStack, type Stack } from '../support/stack';
import type { Member } from '../support/team';

type Status = 'draft' | 'in_review' | 'disclosed' | 'resolved';

/**
 * The disclosures API is not in this suite's reach, so disclosures, offers and follow-ups are arranged
 * as the database owner; the sweeps themselves run as the worker does, through the runtime role.
 */
describe('disclosure sweeps', () => {
  let stack: Stack;
  let tenant: TenantFixture;
  let ownerId: string;
  let clientId: string;
  let clientName: string;
  let otherClientId: string;
  let manager: Member;
  let assistant: Member;
  let clientAdmin: Member;
  let clientMember: Member;
  let otherClientAdmin: Member;
  let engagement: { id: string; name: string };

  beforeAll(async () => {
    stack = await startStack();
    const { api } = stack;
    tenant = await signUpTenant(api);
    ownerId = (await api.get('/api/v1/me', tenant.owner.token)).body.user.id;
    clientName = `Bakery ${randomUUID().slice(0, 6)}`;
    clientId = await createClientAccount(api, tenant.owner.token, clientName);
    otherClientId = await createClientAccount(api, tenant.owner.token);
    manager = await addMember(api, tenant.owner.token, 'manager');
    assistant = await addMember(api, tenant.owner.token, 'assistant');
    clientAdmin = await addMember(api, tenant.owner.token, 'client_admin', clientId);
    clientMember = await addMember(api, tenant.owner.token, 'client_member', clientId);
    otherClientAdmin = await addMember(api, tenant.owner.token, 'client_admin', otherClientId);
    const created = await createEngagement(api, tenant.owner.token, clientId, { assistantIds: [assistant.userId] });
    engagement = { id: created.id, name: created.body.name };
  });
  afterAll(() => stack.close());

  /** A disclosure discovered `hoursAgo`; disclosed_at is set exactly when the status is past review. */
  async function disclosure(
    status: Status,
    hoursAgo: number,
    where: { tenantId: string; engagementId: string; clientId: string; authorId: string } | null = null,
  ) {
    const at = where ?? { tenantId: tenant.tenantId, engagementId: engagement.id, clientId, authorId: ownerId };
    const discoveredAt = new Date(Date.now() - hoursAgo * 3_600_000);
    return withOwner((db) =>
      insertDisclosure(db, { ...at, clientAccountId: at.clientId, status, occurredAt: discoveredAt, discoveredAt, involvedUserIds: [] }),
    );
  }

  const escalationLevels = (disclosureId: string) =>
    withOwner(async (db) =>
      (await db.query(`SELECT level FROM disclosure_escalations WHERE disclosure_id = $1 ORDER BY level`, [disclosureId])).rows.map(
        (r: { level: number }) => r.level,
      ),
    );

  /** Who the outbox addressed about a disclosure with `template`, sorted; one entry per row, so duplicates show. */
  const noticesAbout = (disclosureId: string, template: string, tenantId = tenant.tenantId) =>
    withOwner(async (db) =>
      (
        await db.query(
          `SELECT recipient_email FROM notifications WHERE tenant_id = $1 AND template = $2 AND payload->>'url' LIKE '%' || $3 || '%'
           ORDER BY recipient_email`,
          [tenantId, template, disclosureId],
        )
      ).rows.map((r: { recipient_email: string }) => r.recipient_email),
    );

  /** Waits for the email about `subjectPart` that links to `disclosureId`, then checks that no second one arrives. */
  async function exactlyOneEmail(address: string, subjectPart: string, disclosureId: string): Promise<SinkEmail> {
    const matching = async () => (await emailsTo(address)).filter((e) => e.subject.includes(subjectPart) && e.text.includes(disclosureId));
    const deadline = Date.now() + 15_000;
    while ((await matching()).length === 0) {
      if (Date.now() > deadline) throw new Error(`no email to ${address} about "${subjectPart}" for ${disclosureId}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 500)); // time for a duplicate to arrive, if there were one
    const found = await matching();
    expect(found).toHaveLength(1);
    expect(found[0]!.text).not.toContain('{{'); // every placeholder filled, the footer's tenant name too
    return found[0]!;
  }

  const sorted = (...emails: string[]) => [...emails].sort();

  /**
   * Makes `change` in a transaction left open while `sweep` starts: the sweep's cross-tenant look-up
   * still sees the old row, so only its re-check inside the tenant transaction (after waiting for this
   * one) can notice the change. Stands in for an API request or a second worker at the same moment.
   */
  async function whileChanging(change: string, params: unknown[], sweep: () => Promise<unknown>): Promise<void> {
    await withOwner(async (db) => {
      await db.query('BEGIN');
      await db.query(change, params);
      const running = sweep();
      const deadline = Date.now() + 5_000;
      const sweepIsWaiting = async () =>
        withOwner(async (watcher) => {
          const { rows } = await watcher.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          );
          return rows[0].n > 0;
        });
      while (Date.now() < deadline && !(await sweepIsWaiting())) await new Promise((resolve) => setTimeout(resolve, 50));
      await db.query('COMMIT');
      await running;
    });
  }

  describe('overdue drafts', () => {
    it('escalates a draft past the deadline once per level, to owners and managers, and never a disclosed one', async () => {
      const overdue = await disclosure('draft', 25);
      const inReview = await disclosure('in_review', 25);
      const disclosed = await disclosure('disclosed', 25);
      const withinDeadline = await disclosure('draft', 3);

      await stack.worker!.overdueDisclosureSweep.handle();
      await stack.worker!.overdueDisclosureSweep.handle(); // a second run changes nothing

      expect(await escalationLevels(overdue)).toEqual([1]);
      expect(await escalationLevels(inReview)).toEqual([1]);
      expect(await escalationLevels(disclosed)).toEqual([]);
      expect(await escalationLevels(withinDeadline)).toEqual([]);
      expect(await noticesAbout(overdue, 'disclosure_overdue')).toEqual(sorted(tenant.owner.email, manager.email));
      expect(await noticesAbout(disclosed, 'disclosure_overdue')).toEqual([]);
      expect(await noticesAbout(withinDeadline, 'disclosure_overdue')).toEqual([]);

      const subject = `Overdue: a disclosure for ${clientName} is not sent yet (reminder 1)`;
      const email = await exactlyOneEmail(manager.email, subject, overdue);
      expect(email.text).toContain(`Hello Test manager,`);
      expect(email.text).toContain(`An error on ${engagement.name} was discovered`);
      expect(email.text).toContain('our promise is 24 hours');
      expect(email.text).toContain(`/disclosures/${overdue}`);
      await exactlyOneEmail(tenant.owner.email, subject, overdue);
      expect((await emailsTo(assistant.email)).filter((e) => e.subject.startsWith('Overdue'))).toEqual([]);
      expect((await emailsTo(clientAdmin.email)).filter((e) => e.subject.startsWith('Overdue'))).toEqual([]);

      // Past two deadlines: the second reminder, once.
      await withOwner((db) =>
        db.query(
          `UPDATE disclosures SET occurred_at = now() - interval '49 hours', discovered_at = now() - interval '49 hours' WHERE id = $1`,
          [overdue],
        ),
      );
      await stack.worker!.overdueDisclosureSweep.handle();
      await stack.worker!.overdueDisclosureSweep.handle();
      expect(await escalationLevels(overdue)).toEqual([1, 2]);
      expect(await noticesAbout(overdue, 'disclosure_overdue')).toEqual(
        sorted(tenant.owner.email, tenant.owner.email, manager.email, manager.email),
      );
      await exactlyOneEmail(manager.email, `Overdue: a disclosure for ${clientName} is not sent yet (reminder 2)`, overdue);
      const audit = await withOwner(
        async (db) =>
          (
            await db.query(`SELECT change FROM audit_events WHERE entity_id = $1 AND action = 'disclosure.escalated' ORDER BY created_at`, [
              overdue,
            ])
          ).rows,
      );
      expect(audit.map((r: { change: { level: number } }) => r.change.level)).toEqual([1, 2]);
    });

    it('does not escalate a draft disclosed while the sweep is at it', async () => {
      const id = await disclosure('draft', 25);
      await whileChanging(`UPDATE disclosures SET status = 'disclosed', disclosed_at = now() WHERE id = $1`, [id], () =>
        stack.worker!.overdueDisclosureSweep.handle(),
      );
      expect(await escalationLevels(id)).toEqual([]);
      expect(await noticesAbout(id, 'disclosure_overdue')).toEqual([]);
    });

    it("honours the tenant's own deadline", async () => {
      const { api } = stack;
      const strict = await signUpTenant(api);
      const strictOwnerId = (await api.get('/api/v1/me', strict.owner.token)).body.user.id as string;
      const strictClient = await createClientAccount(api, strict.owner.token);
      const strictEngagement = await createEngagement(api, strict.owner.token, strictClient);
      const at = { tenantId: strict.tenantId, engagementId: strictEngagement.id, clientId: strictClient, authorId: strictOwnerId };
      const draft = await disclosure('draft', 3, at);

      await stack.worker!.overdueDisclosureSweep.handle();
      expect(await escalationLevels(draft)).toEqual([]); // 3 hours is within the default 24

      const patched = await api.patch('/api/v1/tenant', { settings: { disclosureDeadlineHours: 2 } }, strict.owner.token);
      expect(patched.status).toBe(200);
      await stack.worker!.overdueDisclosureSweep.handle();
      expect(await escalationLevels(draft)).toEqual([1]);
      expect(await noticesAbout(draft, 'disclosure_overdue', strict.tenantId)).toEqual([strict.owner.email]);
      const email = await exactlyOneEmail(strict.owner.email, '(reminder 1)', draft);
      expect(email.text).toContain('our promise is 2 hours');
    });
  });

  describe('compensation offers', () => {
    async function offer(
      disclosureId: string,
      expiresInMinutes: number,
      fields: { kind?: string; value?: string | null; currency?: string | null; status?: 'offered' | 'declined' } = {},
    ) {
      const expiresAt = new Date(Date.now() + expiresInMinutes * 60_000);
      return withOwner((db) => insertOffer(db, { tenantId: tenant.tenantId, disclosureId, createdBy: ownerId, expiresAt, ...fields }));
    }
    const offerRow = (id: string) =>
      withOwner(
        async (db) =>
          (await db.query(`SELECT status, expiry_warned_at AS "warnedAt" FROM compensation_offers WHERE id = $1`, [id])).rows[0] as {
            status: string;
            warnedAt: Date | null;
          },
      );
    const expiryEvents = (disclosureId: string) =>
      withOwner(
        async (db) =>
          (
            await db.query(
              `SELECT actor_id AS "actorId", visibility, detail FROM disclosure_events WHERE disclosure_id = $1 AND action = 'offer_expired'`,
              [disclosureId],
            )
          ).rows,
      );

    it('expires an unanswered offer after its expiry, as a client-visible step, once', async () => {
      const d = await disclosure('disclosed', 30);
      const lapsed = await offer(d, -1);
      const declined = await offer(d, -1, { status: 'declined' });

      await stack.worker!.offerSweep.handle();
      await stack.worker!.offerSweep.handle();

      expect(await offerRow(lapsed)).toMatchObject({ status: 'expired', warnedAt: null });
      expect(await offerRow(declined)).toMatchObject({ status: 'declined' });
      expect(await expiryEvents(d)).toEqual([{ actorId: null, visibility: 'client', detail: { offerId: lapsed } }]);
      // Already lapsed: no "ends soon" warning after the fact.
      expect(await noticesAbout(d, 'offer_expiring')).toEqual([]);
    });

    it("warns the client's main contacts once, a day before an offer ends, and leaves later ones alone", async () => {
      const d = await disclosure('disclosed', 30);
      const endingSoon = await offer(d, 12 * 60);
      const later = await offer(d, 3 * 24 * 60, { kind: 'credit', value: '25.00', currency: 'EUR' });

      await stack.worker!.offerSweep.handle();
      await stack.worker!.offerSweep.handle();

      expect(await offerRow(endingSoon)).toMatchObject({ status: 'offered', warnedAt: expect.any(Date) });
      expect(await offerRow(later)).toMatchObject({ status: 'offered', warnedAt: null });
      expect(await noticesAbout(d, 'offer_expiring')).toEqual([clientAdmin.email]);
      const email = await exactlyOneEmail(clientAdmin.email, 'Our offer of a 10% discount on your next project ends', d);
      expect(email.text).toContain(`for the mistake on ${engagement.name}`);
      expect(email.text).toContain(`/disclosures/${d}`);
      for (const other of [clientMember, otherClientAdmin, manager]) {
        expect((await emailsTo(other.email)).filter((e) => e.subject.startsWith('Our offer'))).toEqual([]);
      }

      // Once it has lapsed, the warned offer expires too, without a second warning.
      await withOwner((db) =>
        db.query(`UPDATE compensation_offers SET expires_at = now() - interval '1 minute' WHERE id = $1`, [endingSoon]),
      );
      await stack.worker!.offerSweep.handle();
      expect(await offerRow(endingSoon)).toMatchObject({ status: 'expired' });
      expect(await expiryEvents(d)).toEqual([expect.objectContaining({ detail: { offerId: endingSoon } })]);
      expect(await noticesAbout(d, 'offer_expiring')).toEqual([clientAdmin.email]);
    });

    it('leaves an offer the client accepts while the sweep is at it', async () => {
      const d = await disclosure('disclosed', 30);
      const answered = await offer(d, -1);
      await whileChanging(`UPDATE compensation_offers SET status = 'accepted', decided_at = now() WHERE id = $1`, [answered], () =>
        stack.worker!.offerSweep.handle(),
      );
      expect(await offerRow(answered)).toMatchObject({ status: 'accepted' });
      expect(await expiryEvents(d)).toEqual([]);
    });
  });

  describe('follow-ups', () => {
    async function followUp(
      disclosureId: string,
      kind: 'client_check_in' | 'team_retrospective',
      dueInHours: number,
      status: 'pending' | 'done' | 'skipped' = 'pending',
    ) {
      const dueAt = new Date(Date.now() + dueInHours * 3_600_000);
      return withOwner((db) => insertFollowUp(db, { tenantId: tenant.tenantId, disclosureId, kind, dueAt, status }));
    }
    const remindedAt = (id: string) =>
      withOwner(
        async (db) => (await db.query(`SELECT reminded_at FROM follow_ups WHERE id = $1`, [id])).rows[0].reminded_at as Date | null,
      );

    it('reminds once when a follow-up falls due: the client for a check-in, owners and managers for a retrospective', async () => {
      const d = await disclosure('resolved', 24 * 14);
      const checkIn = await followUp(d, 'client_check_in', -1);
      const retro = await followUp(d, 'team_retrospective', -1);

      await stack.worker!.followUpSweep.handle();
      await stack.worker!.followUpSweep.handle();

      expect(await remindedAt(checkIn)).toEqual(expect.any(Date));
      expect(await remindedAt(retro)).toEqual(expect.any(Date));
      expect(await noticesAbout(d, 'follow_up_check_in')).toEqual(sorted(clientAdmin.email, clientMember.email));
      expect(await noticesAbout(d, 'follow_up_retrospective')).toEqual(sorted(tenant.owner.email, manager.email));

      const checkInEmail = await exactlyOneEmail(clientMember.email, `A quick check-in on ${engagement.name}`, d);
      expect(checkInEmail.text).toContain(`/disclosures/${d}/check-in`);
      await exactlyOneEmail(clientAdmin.email, `A quick check-in on ${engagement.name}`, d);
      const retroEmail = await exactlyOneEmail(manager.email, `Retrospective due: the copy error disclosure for ${clientName}`, d);
      expect(retroEmail.text).toContain(`its team retrospective is due`);
      expect(retroEmail.text).not.toContain('/check-in');
      for (const other of [otherClientAdmin, assistant]) {
        expect((await emailsTo(other.email)).filter((e) => e.text.includes(d))).toEqual([]);
      }
    });

    it('never reminds about a follow-up that is done, skipped or not yet due', async () => {
      const done = await disclosure('resolved', 24 * 14);
      const skipped = await disclosure('resolved', 24 * 14);
      const ids = [
        await followUp(done, 'client_check_in', -1, 'done'),
        await followUp(done, 'team_retrospective', -48, 'done'),
        await followUp(skipped, 'client_check_in', -1, 'skipped'),
        await followUp(skipped, 'team_retrospective', 24),
      ];

      await stack.worker!.followUpSweep.handle();

      for (const id of ids) expect(await remindedAt(id)).toBeNull();
      for (const d of [done, skipped]) {
        expect(await noticesAbout(d, 'follow_up_check_in')).toEqual([]);
        expect(await noticesAbout(d, 'follow_up_retrospective')).toEqual([]);
      }
    });

    it('reminds once when another worker reminds at the same moment', async () => {
      const d = await disclosure('resolved', 24 * 14);
      const checkIn = await followUp(d, 'client_check_in', -1);
      await whileChanging(`UPDATE follow_ups SET reminded_at = now() WHERE id = $1`, [checkIn], () => stack.worker!.followUpSweep.handle());
      expect(await noticesAbout(d, 'follow_up_check_in')).toEqual([]); // the other worker sends the reminder; this sweep adds none
    });
  });
});
