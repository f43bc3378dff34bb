import { parse } from 'csv-parse/sync';
import { addMember, createClientAccount, createEngagement, signUpTenant, type TenantFixture } from '../support/factories';
import { emailsTo, waitForEmailAbout } from '../support/mail-sink';
import { withOwner } from '../support/owner-db';
import { startStack, type Stack } from '../support/stack';

type Member = { email: string; token: string; userId: string };

/** Row counts of the tables these routes write, to prove a refused request wrote nothing. */
async function counts(tenantId: string): Promise<Record<string, number>> {
  return withOwner(async (db) => {
    const tables = ['engagements', 'engagement_rates', 'work_logs', 'work_log_revisions', 'timesheet_weeks', 'comments', 'notifications'];
    const result: Record<string, number> = {};
    for (const table of tables) {
      result[table] = (await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [tenantId])).rows[0].n;
    }
    return result;
  });
}

describe('work logging', () => {
  let stack: Stack;
  let tenant: TenantFixture;
  let clientId: string;
  let otherClientId: string;
  let assistant: Member;
  let idleAssistant: Member;
  let clientAdmin: Member;
  let clientMember: Member;
  let otherClientAdmin: Member;
  let outsider: TenantFixture;
  let engagementId: string;

  beforeAll(async () => {
    stack = await startStack();
    const { api } = stack;
    tenant = await signUpTenant(api, { timeZone: 'Europe/Berlin' });
    outsider = await signUpTenant(api);
    clientId = await createClientAccount(api, tenant.owner.token, 'Acme Bakery');
    otherClientId = await createClientAccount(api, tenant.owner.token, 'Other Client');
    assistant = await addMember(api, tenant.owner.token, 'assistant');
    idleAssistant = await addMember(api, tenant.owner.token, 'assistant');
    clientAdmin = await addMember(api, tenant.owner.token, 'client_admin', clientId);
    clientMember = await addMember(api, tenant.owner.token, 'client_member', clientId);
    otherClientAdmin = await addMember(api, tenant.owner.token, 'client_admin', otherClientId);
    engagementId = (await createEngagement(api, tenant.owner.token, clientId, { name: 'Inbox care', assistantIds: [assistant.userId] })).id;
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
      const rate = await api.post(`/api/v1/engagements/${engagement.id}/rates`, { hourlyRate: '50.5', effectiveFrom: '2026-09-08' }, tenant.owner.token);
      expect(rate.status).toBe(201);
      expect(rate.body).toMatchObject({ hourlyRate: '50.50', effectiveFrom: '2026-09-08' });
      const after = await api.post(
        '/api/v1/work-logs',
        { engagementId: engagement.id, startedAt: '2026-09-08T08:00:00Z', endedAt: '2026-09-08T09:30:00Z', notes: 'New work' },
        assistant.token,
      );
      expect(after.body).toMatchObject({ hourlyRate: '50.50', amount: '75.75' });
      expect((await api.get(`/api/v1/work-logs/${before.body.id}`, assistant.token)).body.hourlyRate).toBe('40.00');
      expect((await api.post(`/api/v1/engagements/${engagement.id}/rates`, { hourlyRate: '60', effectiveFrom: '2026-09-08' }, tenant.owner.token)).status).toBe(409);
      expect((await api.post(`/api/v1/engagements/${engagement.id}/rates`, { hourlyRate: '60', effectiveFrom: '2026-09-09' }, assistant.token)).status).toBe(403);
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
        db.query(`SELECT count(*)::int AS n FROM work_logs WHERE assistant_id = $1 AND ended_at IS NULL AND source <> 'adjustment'`, [assistant.userId]),
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
      const before = await counts(tenant.tenantId);
      const overlap = await log(assistant.token, '2026-10-05T08:30:00Z', '2026-10-05T09:30:00Z');
      expect(overlap.status).toBe(409);
      expect(overlap.body.message).toContain(first.body.id);
      expect(overlap.body.message).toContain('Inbox care');
      expect(await counts(tenant.tenantId)).toEqual(before);
      // Touching end to start is not an overlap.
      expect((await log(assistant.token, '2026-10-05T09:00:00Z', '2026-10-05T09:15:00Z')).status).toBe(201);
    });

    it('refuses bad input with a clear 400 or 404 and writes nothing', async () => {
      const { api } = stack;
      const before = await counts(tenant.tenantId);
      const cases: [string, Promise<{ status: number; body: any }>, number, RegExp][] = [
        ['end before start', log(assistant.token, '2026-10-12T10:00:00Z', '2026-10-12T09:00:00Z'), 400, /The end must be after the start/],
        ['over 24 hours', log(assistant.token, '2026-10-12T08:00:00Z', '2026-10-13T09:00:00Z'), 400, /longer than 24 hours/],
        ['far future', log(assistant.token, '2030-01-01T08:00:00Z', '2030-01-01T09:00:00Z'), 400, /in the future/],
        ['not a date', log(assistant.token, 'yesterday', '2026-10-12T09:00:00Z'), 400, /The start must be a date and time/],
        [
          'unknown engagement',
          api.post('/api/v1/work-logs', { engagementId: '7d1c7e0e-8f5e-4a43-9a47-5b0f7b1d2c3e', startedAt: '2026-10-12T08:00:00Z', endedAt: '2026-10-12T09:00:00Z' }, assistant.token),
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
        ['bad week start', api.post('/api/v1/timesheet-weeks', { engagementId, weekStart: '2026-10-13' }, assistant.token), 400, /must be a Monday/],
      ];
      for (const [name, call, status, message] of cases) {
        const response = await call;
        expect({ name, status: response.status }).toEqual({ name, status });
        expect(JSON.stringify(response.body.message)).toMatch(message);
      }
      expect(await counts(tenant.tenantId)).toEqual(before);
    });
  });

  describe('a week from submission to lock', () => {
    // The tenant works in Europe/Berlin (UTC+1 in November): its week of Monday 2 November runs
    // from 2026-11-01T23:00Z to 2026-11-08T23:00Z.
    const week = '2026-11-02';
    let entries: Record<string, string>;
    let weekId: string;

    beforeAll(async () => {
      const make = async (startedAt: string, endedAt: string, extra: Record<string, unknown> = {}) => {
        const response = await log(assistant.token, startedAt, endedAt, '', extra);
        if (response.status !== 201) throw new Error(JSON.stringify(response.body));
        return response.body.id as string;
      };
      entries = {
        monday: await make('2026-11-02T08:00:00Z', '2026-11-02T10:30:00Z'), // 2.5 h
        overMidnight: await make('2026-11-03T22:00:00Z', '2026-11-04T00:30:00Z'), // Tue 23:00 -> Wed 01:30 local, 2.5 h
        mondayInBerlinSundayInUtc: await make('2026-11-01T23:30:00Z', '2026-11-02T00:00:00Z'), // Mon 00:30 local, 0.5 h
        sundayNight: await make('2026-11-08T22:30:00Z', '2026-11-08T23:15:00Z', { billable: false }), // Sun 23:30 -> Mon 00:15 local
        previousWeek: await make('2026-11-01T22:00:00Z', '2026-11-01T22:45:00Z'), // Sun 23:00 local: the week before
        nextWeek: await make('2026-11-08T23:20:00Z', '2026-11-08T23:50:00Z'), // Mon 9 Nov 00:20 local: the week after
      };
    });

    it('refuses to submit entries without notes, naming them', async () => {
      const refused = await stack.api.post('/api/v1/timesheet-weeks', { engagementId, weekStart: week }, assistant.token);
      expect(refused.status).toBe(400);
      expect(refused.body.message).toContain(entries.monday);
      expect(refused.body.message).not.toContain(entries.previousWeek);
      for (const id of Object.values(entries)) {
        expect((await stack.api.patch(`/api/v1/work-logs/${id}`, { notes: `Work of entry ${id.slice(0, 4)}` }, assistant.token)).status).toBe(200);
      }
    });

    it('cuts the week in the tenant time zone, and the CSV totals equal the API totals', async () => {
      const { api } = stack;
      // A timesheet is what the client may see: drafts are not on it, for staff either, until submitted.
      const before = await api.get(`/api/v1/engagements/${engagementId}/timesheet?period=week&start=${week}`, tenant.owner.token);
      expect(before.body.entries).toEqual([]);
      // Client users do not see drafts.
      expect((await api.get(`/api/v1/work-logs/${entries.monday}`, clientMember.token)).status).toBe(404);
      const submitted = await api.post('/api/v1/timesheet-weeks', { engagementId, weekStart: week }, assistant.token);
      expect(submitted.status).toBe(201);
      weekId = submitted.body.id;
      expect(submitted.body).toMatchObject({ status: 'submitted', weekStart: week, totalHours: '6.25', billableAmount: '247.50' });
      expect(submitted.body.entries).toHaveLength(4);
      const sheet = await api.get(`/api/v1/engagements/${engagementId}/timesheet?period=week&start=${week}`, tenant.owner.token);
      expect(sheet.status).toBe(200);
      expect(sheet.body.period).toEqual({ kind: 'week', start: week, end: '2026-11-08', timeZone: 'Europe/Berlin' });
      expect(sheet.body.entries.map((e: { id: string }) => e.id).sort()).toEqual(
        [entries.monday, entries.overMidnight, entries.mondayInBerlinSundayInUtc, entries.sundayNight].sort(),
      );
      expect(sheet.body.totals).toEqual({
        entryCount: 4,
        totalHours: '6.25',
        billableHours: '5.50',
        nonBillableHours: '0.75',
        fixedAtNoChargeHours: '0.00',
        billableAmount: '247.50',
      });

      const csv = await api.getText(`/api/v1/engagements/${engagementId}/timesheet/csv?period=week&start=${week}`, tenant.owner.token);
      expect(csv.status).toBe(200);
      expect(csv.contentType).toContain('text/csv');
      const rows: string[][] = parse(csv.text, { relax_column_count: true, skip_empty_lines: true });
      const [header, ...rest] = rows;
      const lines = rest.filter((r) => /^\d{4}-\d{2}-\d{2}$/.test(r[0]!));
      const totals = Object.fromEntries(rest.filter((r) => !/^\d/.test(r[0]!)).map((r) => [r[0], r[1]]));
      const col = (name: string) => header!.indexOf(name);
      expect(lines).toHaveLength(4);
      // The entry that starts on Sunday 23:30 UTC is Monday 00:30 in Berlin, and the CSV says so.
      expect(lines.map((l) => `${l[col('date')]} ${l[col('start')]}`)).toContain('2026-11-02 00:30');
      expect(lines.map((l) => `${l[col('date')]} ${l[col('start')]}-${l[col('end')]}`)).toContain('2026-11-03 23:00-01:30');
      expect(totals).toMatchObject({
        'total hours': sheet.body.totals.totalHours,
        'billable hours': sheet.body.totals.billableHours,
        'non-billable hours': sheet.body.totals.nonBillableHours,
        'billable amount': sheet.body.totals.billableAmount,
      });
      const sumOfLines = lines.filter((l) => l[col('billable')] === 'yes').reduce((cents, l) => cents + Math.round(Number(l[col('amount')]) * 100), 0);
      expect((sumOfLines / 100).toFixed(2)).toBe(sheet.body.totals.billableAmount);

      const report = await api.getText(`/api/v1/engagements/${engagementId}/timesheet/report?period=week&start=${week}`, clientAdmin.token);
      expect(report.contentType).toContain('text/html');
      expect(report.text).toContain('Inbox care');
    });

    it('submit -> dispute one entry -> correct with a reason -> approve -> locked, with the emails', async () => {
      const { api } = stack;
      const toClient = await waitForEmailAbout(clientAdmin.email, 'the week of November 2, 2026 is ready for your approval');
      expect(toClient.text).toContain('6.25 hours');
      expect((await api.get(`/api/v1/work-logs/${entries.monday}`, clientMember.token)).status).toBe(200);

      // Only the client_admin decides.
      expect((await api.post(`/api/v1/timesheet-weeks/${weekId}/approve`, {}, clientMember.token)).status).toBe(403);
      expect((await api.post(`/api/v1/timesheet-weeks/${weekId}/approve`, {}, assistant.token)).status).toBe(403);

      const disputed = await api.post(
        `/api/v1/timesheet-weeks/${weekId}/dispute`,
        {
          entries: [
            { workLogId: entries.overMidnight, comment: 'Were you really working at 1 am?' },
            { workLogId: entries.mondayInBerlinSundayInUtc!, comment: 'What was this?' },
          ],
        },
        clientAdmin.token,
      );
      expect(disputed.status).toBe(200);
      expect(disputed.body.status).toBe('disputed');
      const toAssistant = await waitForEmailAbout(assistant.email, 'disputed 2 entries of');
      expect(toAssistant.text).toContain('Were you really working at 1 am?');

      const blocked = await api.post(`/api/v1/timesheet-weeks/${weekId}/approve`, {}, clientAdmin.token);
      expect(blocked.status).toBe(409);
      expect(blocked.body.message).toMatch(/still disputed/);

      const noReason = await api.patch(`/api/v1/work-logs/${entries.overMidnight}`, { endedAt: '2026-11-03T23:30:00Z' }, assistant.token);
      expect(noReason.status).toBe(400);
      expect(noReason.body.message).toMatch(/Reason is required/);
      const corrected = await api.patch(
        `/api/v1/work-logs/${entries.overMidnight}`,
        { endedAt: '2026-11-03T23:30:00Z', reason: 'I stopped at 00:30, not 01:30; sorry for the typo' },
        assistant.token,
      );
      expect(corrected.status).toBe(200);
      expect(corrected.body).toMatchObject({ status: 'submitted', durationSeconds: 5400 });
      // One entry is still disputed: the week stays with the team, and the client hears nothing yet.
      expect((await api.get(`/api/v1/timesheet-weeks/${weekId}`, clientAdmin.token)).body.status).toBe('disputed');
      const answered = await api.patch(
        `/api/v1/work-logs/${entries.mondayInBerlinSundayInUtc}`,
        { notes: 'Sorted the inbox and answered the supplier', reason: 'The note now says what was done' },
        assistant.token,
      );
      expect(answered.status).toBe(200);
      const answeredSubject = 'Inbox care: the team answered your questions on the week of November 2, 2026';
      await waitForEmailAbout(clientAdmin.email, answeredSubject);
      // Exactly one "answered" notification, written by the answer that cleared the last dispute.
      const resubmissions = await withOwner((db) =>
        db.query(`SELECT count(*)::int AS n FROM notifications WHERE recipient_email = $1 AND template = 'week_submitted' AND payload->>'resubmitted' = 'true'`, [
          clientAdmin.email,
        ]),
      );
      expect(resubmissions.rows[0].n).toBe(1);

      const approved = await api.post(`/api/v1/timesheet-weeks/${weekId}/approve`, {}, clientAdmin.token);
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ status: 'approved', totalHours: '5.25' });
      expect(approved.body.entries.every((e: { status: string }) => e.status === 'locked')).toBe(true);
      await waitForEmailAbout(assistant.email, `Acme Bakery approved the week of November 2, 2026 (Inbox care)`);
      expect((await api.post(`/api/v1/timesheet-weeks/${weekId}/approve`, {}, clientAdmin.token)).status).toBe(409);
    });

    it('refuses edits of a locked entry (409), takes an adjusting entry, and shows the client the trail with reasons', async () => {
      const { api } = stack;
      const before = await counts(tenant.tenantId);
      const locked = await api.patch(`/api/v1/work-logs/${entries.monday}`, { notes: 'quietly changed', reason: 'because' }, assistant.token);
      expect(locked.status).toBe(409);
      expect(locked.body.message).toMatch(/locked; add an adjusting entry/);
      expect((await api.delete(`/api/v1/work-logs/${entries.monday}`, assistant.token)).status).toBe(409);
      expect(await counts(tenant.tenantId)).toEqual(before);
      // New time cannot land in the approved week either.
      expect((await log(assistant.token, '2026-11-05T08:00:00Z', '2026-11-05T09:00:00Z')).status).toBe(409);

      const adjustment = await api.post(
        `/api/v1/work-logs/${entries.monday}/adjustments`,
        { minutes: -30, notes: 'Half an hour was a coffee break', reason: 'Logged the break by mistake' },
        assistant.token,
      );
      expect(adjustment.status).toBe(201);
      expect(adjustment.body).toMatchObject({ source: 'adjustment', durationSeconds: -1800, adjustsId: entries.monday, amount: '-22.50' });
      const tooMuch = await api.post(`/api/v1/work-logs/${entries.monday}/adjustments`, { minutes: -200, notes: 'x', reason: 'too much' }, assistant.token);
      expect(tooMuch.status).toBe(400);

      const trail = await api.get(`/api/v1/work-logs/${entries.overMidnight}/trail`, clientMember.token);
      expect(trail.status).toBe(200);
      expect(trail.body).toHaveLength(1);
      expect(trail.body[0]).toMatchObject({
        reason: 'I stopped at 00:30, not 01:30; sorry for the typo',
        before: { endedAt: '2026-11-04T00:30:00.000Z', durationSeconds: 9000 },
        after: { endedAt: '2026-11-03T23:30:00.000Z', durationSeconds: 5400 },
        changedBy: { id: assistant.userId },
      });
      const mondayTrail = await api.get(`/api/v1/work-logs/${entries.monday}/trail`, clientAdmin.token);
      expect(mondayTrail.body[0]).toMatchObject({ reason: 'Logged the break by mistake', after: { adjustmentMinutes: -30 } });
      const comments = await api.get(`/api/v1/work-logs/${entries.overMidnight}/comments`, clientAdmin.token);
      expect(comments.body.map((c: { kind: string }) => c.kind)).toEqual(['dispute']);
    });

    it('shares a read-only report of the period by link, until revoked', async () => {
      const { api } = stack;
      const created = await api.post(`/api/v1/engagements/${engagementId}/share-links`, { period: 'week', start: week, expiresInDays: 7 }, clientAdmin.token);
      expect(created.status).toBe(201);
      const path = new URL(created.body.url).pathname;
      const shared = await api.getText(path);
      expect(shared.status).toBe(200);
      expect(shared.text).toContain('Inbox care');
      expect(shared.text).toContain('Work of entry');
      const sharedCsv = await api.getText(`${path}?format=csv`);
      expect(sharedCsv.text).toContain('billable amount,202.50,EUR');
      expect((await api.post(`/api/v1/share-links/${created.body.id}/revoke`, {}, otherClientAdmin.token)).status).toBe(404);
      expect((await api.post(`/api/v1/share-links/${created.body.id}/revoke`, {}, clientAdmin.token)).status).toBe(200);
      expect((await api.getText(path)).status).toBe(410);
      expect((await api.getText(path.replace(/[^/]+$/, 'not-a-token'))).status).toBe(404);
      expect((await api.post(`/api/v1/engagements/${engagementId}/share-links`, { period: 'month', start: '2026-11-02' }, clientAdmin.token)).status).toBe(400);
      expect((await api.post(`/api/v1/engagements/${engagementId}/share-links`, { period: 'week', start: week }, clientMember.token)).status).toBe(403);
    });

    it('answers 404 on every route here to a contact of another client and to another tenant', async () => {
      const { api } = stack;
      const routes: [string, string, unknown?][] = [
        ['GET', `/api/v1/engagements/${engagementId}`],
        ['GET', `/api/v1/engagements/${engagementId}/rates`],
        ['GET', `/api/v1/engagements/${engagementId}/timesheet?period=week&start=${week}`],
        ['GET', `/api/v1/engagements/${engagementId}/timesheet/csv?period=week&start=${week}`],
        ['GET', `/api/v1/engagements/${engagementId}/share-links`],
        ['GET', `/api/v1/work-logs/${entries.monday}`],
        ['GET', `/api/v1/work-logs/${entries.monday}/trail`],
        ['GET', `/api/v1/work-logs/${entries.monday}/comments`],
        ['POST', `/api/v1/work-logs/${entries.monday}/comments`, { body: 'hello' }],
        ['GET', `/api/v1/timesheet-weeks/${weekId}`],
        ['POST', `/api/v1/timesheet-weeks/${weekId}/approve`, {}],
        ['POST', `/api/v1/timesheet-weeks/${weekId}/dispute`, { entries: [{ workLogId: entries.monday, comment: 'not mine' }] }],
        ['POST', `/api/v1/engagements/${engagementId}/confidentiality/accept`, {}],
        ['POST', `/api/v1/engagements/${engagementId}/share-links`, { period: 'week', start: week }],
      ];
      for (const [method, path, body] of routes) {
        for (const [who, token] of [['other client', otherClientAdmin.token], ['other tenant', outsider.owner.token]] as const) {
          const response = await api.request(method, path, { token, body });
          expect({ who, method, path, status: response.status }).toEqual({ who, method, path, status: 404 });
          expect(JSON.stringify(response.body)).not.toContain('Inbox care');
        }
      }
      for (const path of ['/api/v1/work-logs', '/api/v1/timesheet-weeks', '/api/v1/engagements']) {
        const other = await api.get(path, outsider.owner.token);
        expect(JSON.stringify(other.body)).not.toContain(engagementId);
        const otherClient = await api.get(path, otherClientAdmin.token);
        expect(JSON.stringify(otherClient.body)).not.toContain(engagementId);
      }
      // Staff of another tenant cannot log time on it either.
      expect((await api.post('/api/v1/timer/start', { engagementId }, outsider.owner.token)).status).toBe(404);
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
    const engagement = await createEngagement(api, tenant.owner.token, clientId, { retainerHoursPerMonth: '1' });
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
    const logOwner = (from: number, to: number) =>
      api.post('/api/v1/work-logs', { engagementId: engagement.id, startedAt: at(from), endedAt: at(to), notes: 'Retainer work' }, tenant.owner.token);
    expect((await logOwner(70, 20)).status).toBe(201); // 50 of 60 minutes: 83%
    await waitForEmailAbout(tenant.owner.email, `${engagement.body.name} has used 80% of this month's retainer`);
    expect((await logOwner(19, 18)).status).toBe(201); // still under 100%: no new email
    expect((await logOwner(17, 5)).status).toBe(201); // 63 minutes
    await waitForEmailAbout(tenant.owner.email, `${engagement.body.name} has used 100% of this month's retainer`);
    const alerts = (await emailsTo(tenant.owner.email)).filter((e) => e.subject.startsWith(`${engagement.body.name} has used`));
    expect(alerts).toHaveLength(2);
    const shown = await api.get(`/api/v1/engagements/${engagement.id}`, clientAdmin.token);
    expect(shown.body.retainer).toMatchObject({ hoursPerMonth: '1.00', usedHours: '1.05', remainingHours: '0.00', usedPercent: 105 });
  });

  it('stops a timer left running past the tenant limit and emails the assistant', async () => {
    const { api } = stack;
    const forgetful = await addMember(api, tenant.owner.token, 'assistant');
    const engagement = await createEngagement(api, tenant.owner.token, clientId, { assistantIds: [forgetful.userId] });
    const started = await api.post('/api/v1/timer/start', { engagementId: engagement.id }, forgetful.token);
    await withOwner((db) => db.query(`UPDATE work_logs SET started_at = now() - interval '11 hours' WHERE id = $1`, [started.body.timer.id]));
    await stack.worker!.timerSweep.handle();
    await stack.worker!.timerSweep.handle(); // a second sweep changes nothing
    const entry = await api.get(`/api/v1/work-logs/${started.body.timer.id}`, forgetful.token);
    expect(entry.body).toMatchObject({ running: false, durationSeconds: 36_000 });
    expect(entry.body.autoStoppedAt).toEqual(expect.any(String));
    await waitForEmailAbout(forgetful.email, 'was stopped after 10 hours');
    expect((await emailsTo(forgetful.email)).filter((e) => e.subject.includes('was stopped'))).toHaveLength(1);
  });
});
