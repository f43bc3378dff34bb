import { parse } from 'csv-parse/sync';
import { waitForEmailAbout } from '../support/mail-sink';
import { withOwner } from '../support/owner-db';
import type { Stack } from '../support/stack';
import { counts, type Member } from '../support/team';
import { WORK_TABLES, startWorkTeam } from '../support/work-team';
import type { TenantFixture } from '../support/factories';

/** A week of time: cut in the tenant time zone, submitted, disputed, corrected, approved and locked, shared, and hidden from other clients and tenants. */
describe('work logging: a week from submission to lock', () => {
  let stack: Stack, tenant: TenantFixture, outsider: TenantFixture, engagementId: string;
  let assistant: Member, clientAdmin: Member, clientMember: Member, otherClientAdmin: Member;

  beforeAll(async () => {
    ({ stack, tenant, outsider, engagementId, assistant, clientAdmin, clientMember, otherClientAdmin } = await startWorkTeam());
  });
  afterAll(() => stack.close());

  const log = (token: string, startedAt: string, endedAt: string, notes = 'Sorted the inbox', extra: Record<string, unknown> = {}) =>
    stack.api.post('/api/v1/work-logs', { engagementId, startedAt, endedAt, notes, ...extra }, token);

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
        expect(
          (await stack.api.patch(`/api/v1/work-logs/${id}`, { notes: `Work of entry ${id.slice(0, 4)}` }, assistant.token)).status,
        ).toBe(200);
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
      const sumOfLines = lines
        .filter((l) => l[col('billable')] === 'yes')
        .reduce((cents, l) => cents + Math.round(Number(l[col('amount')]) * 100), 0);
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
        db.query(
          `SELECT count(*)::int AS n FROM notifications WHERE recipient_email = $1 AND template = 'week_submitted' AND payload->>'resubmitted' = 'true'`,
          [clientAdmin.email],
        ),
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
      const before = await counts(tenant.tenantId, WORK_TABLES);
      const locked = await api.patch(
        `/api/v1/work-logs/${entries.monday}`,
        { notes: 'quietly changed', reason: 'because' },
        assistant.token,
      );
      expect(locked.status).toBe(409);
      expect(locked.body.message).toMatch(/locked; add an adjusting entry/);
      expect((await api.delete(`/api/v1/work-logs/${entries.monday}`, assistant.token)).status).toBe(409);
      expect(await counts(tenant.tenantId, WORK_TABLES)).toEqual(before);
      // New time cannot land in the approved week either.
      expect((await log(assistant.token, '2026-11-05T08:00:00Z', '2026-11-05T09:00:00Z')).status).toBe(409);

      const adjustment = await api.post(
        `/api/v1/work-logs/${entries.monday}/adjustments`,
        { minutes: -30, notes: 'Half an hour was a coffee break', reason: 'Logged the break by mistake' },
        assistant.token,
      );
      expect(adjustment.status).toBe(201);
      expect(adjustment.body).toMatchObject({ source: 'adjustment', durationSeconds: -1800, adjustsId: entries.monday, amount: '-22.50' });
      const tooMuch = await api.post(
        `/api/v1/work-logs/${entries.monday}/adjustments`,
        { minutes: -200, notes: 'x', reason: 'too much' },
        assistant.token,
      );
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
      const created = await api.post(
        `/api/v1/engagements/${engagementId}/share-links`,
        { period: 'week', start: week, expiresInDays: 7 },
        clientAdmin.token,
      );
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
      expect(
        (await api.post(`/api/v1/engagements/${engagementId}/share-links`, { period: 'month', start: '2026-11-02' }, clientAdmin.token))
          .status,
      ).toBe(400);
      expect(
        (await api.post(`/api/v1/engagements/${engagementId}/share-links`, { period: 'week', start: week }, clientMember.token)).status,
      ).toBe(403);
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
        for (const [who, token] of [
          ['other client', otherClientAdmin.token],
          ['other tenant', outsider.owner.token],
        ] as const) {
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
});
