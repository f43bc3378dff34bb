import { addMember, createEngagement, zoneWellIntoMonth, type TenantFixture } from '../support/factories';
import { emailsTo, waitForEmailAbout } from '../support/mail-sink';
import { withOwner } from '../support/owner-db';
import type { Stack } from '../support/stack';
import { counts, type Member } from '../support/team';
import { WORK_TABLES, startWorkTeam } from '../support/work-team';

/** Engagements and their rates, the timer and manual entries, paging, retainer alerts and the timer sweep. */
describe('work logging: engagements and entries', () => {
  let stack: Stack, tenant: TenantFixture, clientId: string, engagementId: string;
  let assistant: Member, idleAssistant: Member, clientAdmin: Member, clientMember: Member, otherClientAdmin: Member;

  beforeAll(async () => {
    ({ stack, tenant, clientId, engagementId, assistant, idleAssistant, clientAdmin, clientMember, otherClientAdmin } =
      await startWorkTeam());
  });
  afterAll(() => stack.close());

  const log = (token: string, startedAt: string, endedAt: string, notes = 'Sorted the inbox', extra: Record<string, unknown> = {}) =>
    stack.api.post('/api/v1/work-logs', { engagementId, startedAt, endedAt, notes, ...extra }, token);

  describe('engagements', () => {
    it('lets staff create an engagement with an agreement, and the client_admin accept its confidentiality terms', async () => {
      const { api } = stack;
      const created = await createEngagement(api, tenant.owner.token, clientId, {
        retainerHoursPerMonth: '20',
        workingAgreement: { expectations: 'Inbox zero daily', responseTimes: 'Within 4 working hours' },
        confidentialityTerms: 'We keep everything we see confidential.',
        assistantIds: [assistant.userId],
      });
      expect(created.body).toMatchObject({
        status: 'active',
        currency: 'EUR',
        currentRate: { hourlyRate: '45.00' },
        retainer: { hoursPerMonth: '20.00', usedHours: '0.00', remainingHours: '20.00' },
        workingAgreement: { expectations: 'Inbox zero daily' },
        confidentiality: { acceptedAt: null },
        assistants: [{ id: assistant.userId, displayName: 'Test assistant' }],
      });

      expect((await api.post(`/api/v1/engagements/${created.id}/confidentiality/accept`, {}, clientMember.token)).status).toBe(403);
      const accepted = await api.post(`/api/v1/engagements/${created.id}/confidentiality/accept`, {}, clientAdmin.token);
      expect(accepted.status).toBe(200);
      expect(accepted.body.confidentiality.acceptedBy).toEqual({ id: clientAdmin.userId, displayName: 'Test client_admin' });
      expect(accepted.body.confidentiality.acceptedAt).toEqual(expect.any(String));
      expect((await api.post(`/api/v1/engagements/${created.id}/confidentiality/accept`, {}, clientAdmin.token)).status).toBe(409);

      // New terms need a new acceptance.
      const changed = await api.patch(`/api/v1/engagements/${created.id}`, { confidentialityTerms: 'Stricter terms.' }, tenant.owner.token);
      expect(changed.body.confidentiality).toEqual({ terms: 'Stricter terms.', acceptedAt: null, acceptedBy: null });

      const own = await api.get('/api/v1/engagements', clientAdmin.token);
      expect(own.body.every((e: { clientAccountId: string }) => e.clientAccountId === clientId)).toBe(true);
      expect((await api.get('/api/v1/engagements', otherClientAdmin.token)).body).toEqual([]);
    });

    it('applies a new rate from its date on and never rewrites entries already logged', async () => {
      const { api } = stack;
      const engagement = await createEngagement(api, tenant.owner.token, clientId, { assistantIds: [assistant.userId], hourlyRate: '40' });
      const before = await api.post(
        '/api/v1/work-logs',
        { engagementId: engagement.id, startedAt: '2026-09-07T08:00:00Z', endedAt: '2026-09-07T09:00:00Z', notes: 'Old work' },
        assistant.token,
      );
      expect(before.body).toMatchObject({ hourlyRate: '40.00', amount: '40.00' });
      const rate = await api.post(
        `/api/v1/engagements/${engagement.id}/rates`,
        { hourlyRate: '50.5', effectiveFrom: '2026-09-08' },
        tenant.owner.token,
      );
      expect(rate.status).toBe(201);
      expect(rate.body).toMatchObject({ hourlyRate: '50.50', effectiveFrom: '2026-09-08' });
      const after = await api.post(
        '/api/v1/work-logs',
        { engagementId: engagement.id, startedAt: '2026-09-08T08:00:00Z', endedAt: '2026-09-08T09:30:00Z', notes: 'New work' },
        assistant.token,
      );
      expect(after.body).toMatchObject({ hourlyRate: '50.50', amount: '75.75' });
      expect((await api.get(`/api/v1/work-logs/${before.body.id}`, assistant.token)).body.hourlyRate).toBe('40.00');
      expect(
        (
          await api.post(
            `/api/v1/engagements/${engagement.id}/rates`,
            { hourlyRate: '60', effectiveFrom: '2026-09-08' },
            tenant.owner.token,
          )
        ).status,
      ).toBe(409);
      expect(
        (await api.post(`/api/v1/engagements/${engagement.id}/rates`, { hourlyRate: '60', effectiveFrom: '2026-09-09' }, assistant.token))
          .status,
      ).toBe(403);
    });
  });

  describe('timers and manual entries', () => {
    it('runs one timer per assistant: starting another stops the first', async () => {
      const { api } = stack;
      const second = await createEngagement(api, tenant.owner.token, clientId, { assistantIds: [assistant.userId] });
      const first = await api.post('/api/v1/timer/start', { engagementId, notes: 'Calendar clean-up' }, assistant.token);
      expect(first.status).toBe(201);
      expect(first.body.timer).toMatchObject({ running: true, source: 'timer', status: 'draft', endedAt: null });
      expect(first.body.stopped).toBeNull();
      expect((await api.get('/api/v1/timer', assistant.token)).body.timer.id).toBe(first.body.timer.id);

      const next = await api.post('/api/v1/timer/start', { engagementId: second.id }, assistant.token);
      expect(next.status).toBe(201);
      expect(next.body.stopped).toMatchObject({ id: first.body.timer.id, running: false });
      expect(next.body.stopped.durationSeconds).toBeGreaterThanOrEqual(1);
      expect(next.body.timer.engagementId).toBe(second.id);
      const running = await withOwner((db) =>
        db.query(`SELECT count(*)::int AS n FROM work_logs WHERE assistant_id = $1 AND ended_at IS NULL AND source <> 'adjustment'`, [
          assistant.userId,
        ]),
      );
      expect(running.rows[0].n).toBe(1);

      const stopped = await api.post('/api/v1/timer/stop', {}, assistant.token);
      expect(stopped.status).toBe(200);
      expect(stopped.body).toMatchObject({ id: next.body.timer.id, running: false, source: 'timer' });
      expect((await api.post('/api/v1/timer/stop', {}, assistant.token)).status).toBe(409);
      expect((await api.get('/api/v1/timer', assistant.token)).body.timer).toBeNull();
    });

    it('refuses a timer on an engagement the assistant is not assigned to, and to client users', async () => {
      const { api } = stack;
      const refused = await api.post('/api/v1/timer/start', { engagementId }, idleAssistant.token);
      // Outside the assistant's scope (assigned engagements): not found, as if it did not exist.
      expect(refused.status).toBe(404);
      expect(refused.body.message).toMatch(/Engagement not found/);
      expect((await api.post('/api/v1/timer/start', { engagementId }, clientAdmin.token)).status).toBe(403);
    });

    it('stops the running timer of an assistant taken off the engagement, who can then start one elsewhere', async () => {
      const { api } = stack;
      const leaving = await addMember(api, tenant.owner.token, 'assistant');
      const first = await createEngagement(api, tenant.owner.token, clientId, { assistantIds: [leaving.userId] });
      const second = await createEngagement(api, tenant.owner.token, clientId, { assistantIds: [leaving.userId] });
      const started = await api.post('/api/v1/timer/start', { engagementId: first.id }, leaving.token);
      expect(started.status).toBe(201);
      expect((await api.patch(`/api/v1/engagements/${first.id}`, { assistantIds: [] }, tenant.owner.token)).status).toBe(200);

      // Out of their scope now: no running timer left behind that they could neither see nor stop.
      expect((await api.get('/api/v1/timer', leaving.token)).body).toEqual({ timer: null });
      const stopped = await api.get(`/api/v1/work-logs/${started.body.timer.id}`, tenant.owner.token);
      expect(stopped.body).toMatchObject({ running: false, autoStoppedAt: expect.any(String) });
      expect((await api.get(`/api/v1/work-logs/${started.body.timer.id}`, leaving.token)).status).toBe(404);
      const next = await api.post('/api/v1/timer/start', { engagementId: second.id }, leaving.token);
      expect(next.status).toBe(201);
      expect(next.body.stopped).toBeNull();
      await api.post('/api/v1/timer/stop', {}, leaving.token);
    });

    it('takes a manual entry and refuses an overlapping one, naming the other entry', async () => {
      const first = await log(assistant.token, '2026-10-05T08:00:00Z', '2026-10-05T09:00:00Z');
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ source: 'manual', durationSeconds: 3600, hours: '1.00', amount: '45.00', billable: true });
      const before = await counts(tenant.tenantId, WORK_TABLES);
      const overlap = await log(assistant.token, '2026-10-05T08:30:00Z', '2026-10-05T09:30:00Z');
      expect(overlap.status).toBe(409);
      expect(overlap.body.message).toContain(first.body.id);
      expect(overlap.body.message).toContain('Inbox care');
      expect(await counts(tenant.tenantId, WORK_TABLES)).toEqual(before);
      // Touching end to start is not an overlap.
      expect((await log(assistant.token, '2026-10-05T09:00:00Z', '2026-10-05T09:15:00Z')).status).toBe(201);
    });

    it('refuses bad input with a clear 400 or 404 and writes nothing', async () => {
      const { api } = stack;
      const before = await counts(tenant.tenantId, WORK_TABLES);
      const cases: [string, Promise<{ status: number; body: any }>, number, RegExp][] = [
        ['end before start', log(assistant.token, '2026-10-12T10:00:00Z', '2026-10-12T09:00:00Z'), 400, /The end must be after the start/],
        ['over 24 hours', log(assistant.token, '2026-10-12T08:00:00Z', '2026-10-13T09:00:00Z'), 400, /longer than 24 hours/],
        ['far future', log(assistant.token, '2030-01-01T08:00:00Z', '2030-01-01T09:00:00Z'), 400, /in the future/],
        ['not a date', log(assistant.token, 'yesterday', '2026-10-12T09:00:00Z'), 400, /The start must be a date and time/],
        [
          'unknown engagement',
          api.post(
            '/api/v1/work-logs',
            { engagementId: '7d1c7e0e-8f5e-4a43-9a47-5b0f7b1d2c3e', startedAt: '2026-10-12T08:00:00Z', endedAt: '2026-10-12T09:00:00Z' },
            assistant.token,
          ),
          404,
          /Engagement not found/,
        ],
        [
          'negative rate',
          api.post('/api/v1/engagements', { clientAccountId: clientId, name: 'X', currency: 'EUR', hourlyRate: '-5' }, tenant.owner.token),
          400,
          /Hourly rate must be a non-negative amount/,
        ],
        [
          'non-numeric rate',
          api.post(`/api/v1/engagements/${engagementId}/rates`, { hourlyRate: 'lots', effectiveFrom: '2026-12-01' }, tenant.owner.token),
          400,
          /Hourly rate must be a non-negative amount/,
        ],
        [
          'bad currency',
          api.post('/api/v1/engagements', { clientAccountId: clientId, name: 'X', currency: 'EURO', hourlyRate: '5' }, tenant.owner.token),
          400,
          /Currency must be an ISO 4217 code/,
        ],
        [
          'bad week start',
          api.post('/api/v1/timesheet-weeks', { engagementId, weekStart: '2026-10-13' }, assistant.token),
          400,
          /must be a Monday/,
        ],
      ];
      for (const [name, call, status, message] of cases) {
        const response = await call;
        expect({ name, status: response.status }).toEqual({ name, status });
        expect(JSON.stringify(response.body.message)).toMatch(message);
      }
      expect(await counts(tenant.tenantId, WORK_TABLES)).toEqual(before);
    });
  });

  it('pages through work logs with a keyset cursor and filters', async () => {
    const { api } = stack;
    for (let day = 19; day <= 23; day += 1) {
      expect((await log(assistant.token, `2026-10-${day}T08:00:00Z`, `2026-10-${day}T09:00:00Z`)).status).toBe(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/api/v1/work-logs?engagementId=${engagementId}&from=2026-10-19&to=2026-10-23&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await api.get(query, assistant.token);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((i: { startedAt: string }) => i.startedAt.slice(0, 10)));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['2026-10-23', '2026-10-22', '2026-10-21', '2026-10-20', '2026-10-19']);
    expect((await api.get('/api/v1/work-logs?cursor=garbage', assistant.token)).status).toBe(400);
    expect((await api.get('/api/v1/work-logs?limit=500', assistant.token)).status).toBe(400);
    // A client sees their account's submitted time only: these drafts are not in their list.
    const client = await api.get(`/api/v1/work-logs?from=2026-10-19&to=2026-10-23`, clientAdmin.token);
    expect(client.body.items).toEqual([]);
  });

  it('emails staff once at 80% and once at 100% of a retainer', async () => {
    const { api } = stack;
    // The last hour must be this month's in the tenant's zone (not so in a month's first hour in Berlin).
    const zone = zoneWellIntoMonth('Europe/Berlin');
    if (zone !== 'Europe/Berlin') expect((await api.patch('/api/v1/tenant', { timeZone: zone }, tenant.owner.token)).status).toBe(200);
    try {
      await retainerAlerts();
    } finally {
      if (zone !== 'Europe/Berlin') await api.patch('/api/v1/tenant', { timeZone: 'Europe/Berlin' }, tenant.owner.token);
    }
  });

  async function retainerAlerts() {
    const { api } = stack;
    const engagement = await createEngagement(api, tenant.owner.token, clientId, { retainerHoursPerMonth: '1' });
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
    const logOwner = (from: number, to: number) =>
      api.post(
        '/api/v1/work-logs',
        { engagementId: engagement.id, startedAt: at(from), endedAt: at(to), notes: 'Retainer work' },
        tenant.owner.token,
      );
    expect((await logOwner(70, 20)).status).toBe(201); // 50 of 60 minutes: 83%
    await waitForEmailAbout(tenant.owner.email, `${engagement.body.name} has used 80% of this month's retainer`);
    expect((await logOwner(19, 18)).status).toBe(201); // still under 100%: no new email
    expect((await logOwner(17, 5)).status).toBe(201); // 63 minutes
    await waitForEmailAbout(tenant.owner.email, `${engagement.body.name} has used 100% of this month's retainer`);
    const alerts = (await emailsTo(tenant.owner.email)).filter((e) => e.subject.startsWith(`${engagement.body.name} has used`));
    expect(alerts).toHaveLength(2);
    const shown = await api.get(`/api/v1/engagements/${engagement.id}`, clientAdmin.token);
    expect(shown.body.retainer).toMatchObject({ hoursPerMonth: '1.00', usedHours: '1.05', remainingHours: '0.00', usedPercent: 105 });
  }

  it('stops a timer left running past the tenant limit and emails the assistant', async () => {
    const { api } = stack;
    const forgetful = await addMember(api, tenant.owner.token, 'assistant');
    const engagement = await createEngagement(api, tenant.owner.token, clientId, { assistantIds: [forgetful.userId] });
    const started = await api.post('/api/v1/timer/start', { engagementId: engagement.id }, forgetful.token);
    await withOwner((db) =>
      db.query(`UPDATE work_logs SET started_at = now() - interval '11 hours' WHERE id = $1`, [started.body.timer.id]),
    );
    await stack.worker!.timerSweep.handle();
    await stack.worker!.timerSweep.handle(); // a second sweep changes nothing
    const entry = await api.get(`/api/v1/work-logs/${started.body.timer.id}`, forgetful.token);
    expect(entry.body).toMatchObject({ running: false, durationSeconds: 36_000 });
    expect(entry.body.autoStoppedAt).toEqual(expect.any(String));
    await waitForEmailAbout(forgetful.email, 'was stopped after 10 hours');
    expect((await emailsTo(forgetful.email)).filter((e) => e.subject.includes('was stopped'))).toHaveLength(1);
  });
});
