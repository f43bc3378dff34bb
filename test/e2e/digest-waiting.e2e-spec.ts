import { addMember, createClientAccount, createEngagement, signUpTenant, type TenantFixture } from '../support/factories';
import { emailsTo, waitForEmailAbout, type SinkEmail } from '../support/mail-sink';
import { withOwner } from '../support/owner-db';
import { sweepHeldFor } from '../support/notifications';
import { startStack, type Stack } from '../support/stack';

type Member = { email: string; token: string; userId: string };

/** The first 08:00 UTC strictly after `at`: every reader here reads in UTC. */
function nextEightUtc(at: Date): Date {
  const next = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate(), 8, 0, 0));
  return next > at ? next : new Date(next.getTime() + 24 * 3_600_000);
}

describe('the daily digest lists what waits for each reader, within their scope', () => {
  let stack: Stack;
  let tenant: TenantFixture;
  let owner: Member;
  let clientAdmin: Member; // client A: a remedy to sign off and a week to approve
  let assistant: Member; // assigned to client A's engagement only
  let idle: Member; // client B's member: nothing happened, nothing waits
  const ids = { engagementA: '', remedy: '', week: '', draftA: '', draftB: '' };
  const readers = () =>
    [
      [owner, 'retainer_threshold'],
      [assistant, 'deliverable_late'],
      [clientAdmin, 'disclosure_comment'],
      [idle, 'disclosure_comment'],
    ] as const;

  const draft = async (engagementId: string, token: string, whatHappened: string) => {
    const created = await stack.api.post(
      '/api/v1/disclosures',
      {
        engagementId,
        category: 'copy_error',
        severity: 'low',
        occurredAt: '2026-11-20T09:00:00Z',
        discoveredAt: new Date(Date.now() - 600_000).toISOString(),
        whatHappened,
        impact: 'The totals were off for a day.',
        apology: 'We are sorry; we should have checked.',
      },
      token,
    );
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  const post = async (path: string, token: string, body: Record<string, unknown> = {}) => {
    const response = await stack.api.post(path, body, token);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response;
  };
  /** The digest's line that starts with `start`, which must end with the link to `path`. */
  const line = (email: SinkEmail, start: string, path: string) => {
    const found = email.text.split('\n').find((l) => l.startsWith(`- ${start} `));
    expect({ start, line: found }).toEqual({ start, line: expect.stringMatching(new RegExp(`^- .* https?://[^ ]+${path}$`)) });
  };

  beforeAll(async () => {
    stack = await startStack();
    const { api } = stack;
    tenant = await signUpTenant(api, { tenantName: 'Harbour Assist' });
    const clientA = await createClientAccount(api, tenant.owner.token, 'Atlas Books');
    const clientB = await createClientAccount(api, tenant.owner.token, 'Boreal Travel');
    assistant = await addMember(api, tenant.owner.token, 'assistant');
    clientAdmin = await addMember(api, tenant.owner.token, 'client_admin', clientA);
    idle = await addMember(api, tenant.owner.token, 'client_member', clientB);
    owner = { ...tenant.owner, userId: (await api.get('/api/v1/me', tenant.owner.token)).body.user.id };
    ids.engagementA = (
      await createEngagement(api, tenant.owner.token, clientA, { name: 'Bookkeeping', assistantIds: [assistant.userId] })
    ).id;
    const engagementB = (await createEngagement(api, tenant.owner.token, clientB, { name: 'Travel desk' })).id;

    // Each reader reads in UTC and chose the digest for an event that does not happen here.
    for (const [who, event] of readers()) {
      expect((await api.patch('/api/v1/me', { timeZone: 'UTC' }, who.token)).status).toBe(200);
      expect((await api.put(`/api/v1/me/notification-preferences/${event}`, { mode: 'digest' }, who.token)).status).toBe(200);
    }

    // Client A: a remedy awaiting sign-off, and a submitted week.
    ids.remedy = await draft(ids.engagementA, tenant.owner.token, 'We filed the March receipts under April.');
    await post(`/api/v1/disclosures/${ids.remedy}/disclose`, tenant.owner.token);
    await post(`/api/v1/disclosures/${ids.remedy}/acknowledge`, clientAdmin.token);
    await post(`/api/v1/disclosures/${ids.remedy}/propose-remedy`, tenant.owner.token, {
      remedyPlan: 'We move the receipts and resend the report.',
      remedyDueAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    });
    await post('/api/v1/work-logs', assistant.token, {
      engagementId: ids.engagementA,
      startedAt: '2026-11-17T09:00:00Z',
      endedAt: '2026-11-17T11:00:00Z',
      notes: 'Receipts',
    });
    ids.week = (await post('/api/v1/timesheet-weeks', assistant.token, { engagementId: ids.engagementA, weekStart: '2026-11-16' })).body.id;

    // Drafts awaiting review on both engagements: the assistant's scope holds only A's.
    ids.draftA = await draft(ids.engagementA, assistant.token, 'We sent the ledger to the wrong address.');
    await post(`/api/v1/disclosures/${ids.draftA}/submit-for-review`, assistant.token);
    ids.draftB = await draft(engagementB, tenant.owner.token, 'We booked the wrong date.');
    await post(`/api/v1/disclosures/${ids.draftB}/submit-for-review`, tenant.owner.token);
  });
  // Other specs sweep with fixed clocks on the same database: these readers leave the digest behind them.
  afterAll(async () => {
    for (const [who, event] of readers())
      await stack.api.put(`/api/v1/me/notification-preferences/${event}`, { mode: 'immediate' }, who.token);
    await stack.close();
  });

  it('sends each reader with something waiting one digest at 08:00, naming only what is theirs; nothing waiting and nothing held, no digest', async () => {
    const before = (await emailsTo(idle.email)).length;
    const eight = nextEightUtc(new Date());
    expect(await sweepHeldFor(stack.worker!.heldNotificationSweep, tenant.tenantId, new Date(eight.getTime() - 60_000))).toEqual({
      digests: 0,
      bursts: 0,
    });
    expect(await sweepHeldFor(stack.worker!.heldNotificationSweep, tenant.tenantId, eight)).toEqual({ digests: 3, bursts: 0 });
    expect(await sweepHeldFor(stack.worker!.heldNotificationSweep, tenant.tenantId, new Date(eight.getTime() + 5 * 60_000))).toEqual({
      digests: 0,
      bursts: 0,
    });

    const client = await waitForEmailAbout(clientAdmin.email, 'Your daily summary from Harbour Assist: 2 things waiting for you');
    line(client, 'Sign off the proposed remedy for Bookkeeping', `/disclosures/${ids.remedy}`);
    line(client, 'Approve the week of November 16, 2026 (Bookkeeping)', `/engagements/${ids.engagementA}/weeks/${ids.week}`);
    // Never anything internal: no draft, no team member.
    for (const hidden of [ids.draftA, 'draft', 'Test assistant', 'Olivia Owner', 'Travel desk']) expect(client.text).not.toContain(hidden);

    const own = await waitForEmailAbout(assistant.email, 'Your daily summary from Harbour Assist: 1 thing waiting for you');
    line(own, 'Review the draft disclosure for Bookkeeping before it goes out', `/disclosures/${ids.draftA}`);
    expect(own.text).not.toContain(ids.draftB);
    expect(own.text).not.toContain('Travel desk');

    const all = await waitForEmailAbout(owner.email, 'Your daily summary from Harbour Assist: 2 things waiting for you');
    line(all, 'Review the draft disclosure for Bookkeeping before it goes out', `/disclosures/${ids.draftA}`);
    line(all, 'Review the draft disclosure for Travel desk before it goes out', `/disclosures/${ids.draftB}`);

    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await emailsTo(idle.email)).length).toBe(before);
    // The idle reader's day is marked too, so the sweep does not look at them again until tomorrow.
    const marked = await withOwner(async (db) =>
      (
        await db.query(`SELECT user_id FROM memberships WHERE tenant_id = $1 AND last_digest_on = $2::date`, [
          tenant.tenantId,
          eight.toISOString().slice(0, 10),
        ])
      ).rows.map((r) => r.user_id),
    );
    expect(marked.sort()).toEqual([owner.userId, assistant.userId, clientAdmin.userId, idle.userId].sort());
  });
});
