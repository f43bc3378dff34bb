import { parse } from 'csv-parse/sync';
import { mondayBefore } from '../browser/support/work-logging';
import {
  addMember,
  createClientAccount,
  createDeliverable,
  createEngagement,
  createShareLink,
  createWorkLog,
  discloseNew,
  signUpTenant,
  submitWeek,
  type Member,
  type TenantFixture,
} from '../support/factories';
import { withOwner } from '../support/owner-db';
import { startStack, type Stack } from '../support/stack';

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

/**
 * The defects found when Candor was tried in the browser (issue 12), each pinned at the API: what a
 * client reads of time is one query everywhere, a remedy already written can be accepted at once,
 * a week of nothing is not submitted, a slip of a timer is not billed, fix time can be timed, a due
 * date in the past is refused, and the published schemas say what is sent.
 */
describe('what people see is true', () => {
  let stack: Stack;
  let tenant: TenantFixture;
  let assistant: Member;
  let clientAdmin: Member;
  let clientMember: Member;
  let engagementId: string;

  const count = (sql: string, params: unknown[]) => withOwner(async (db) => (await db.query(sql, params)).rows[0].n as number);

  const disclose = (extra: Record<string, unknown> = {}) =>
    discloseNew(stack.api, tenant.owner.token, engagementId, {
      severity: 'medium',
      occurredAt: inHours(-5),
      discoveredAt: inHours(-4),
      whatHappened: "The price list went out with last year's prices.",
      impact: 'Three customers ordered at the old price.',
      apology: "We are sorry; we should have checked the sheet against this year's.",
      ...extra,
    });

  beforeAll(async () => {
    stack = await startStack();
    const { api } = stack;
    tenant = await signUpTenant(api, { timeZone: 'Europe/Berlin' });
    const clientId = await createClientAccount(api, tenant.owner.token, 'Acme Bakery');
    assistant = await addMember(api, tenant.owner.token, 'assistant');
    clientAdmin = await addMember(api, tenant.owner.token, 'client_admin', clientId);
    clientMember = await addMember(api, tenant.owner.token, 'client_member', clientId);
    engagementId = (await createEngagement(api, tenant.owner.token, clientId, { name: 'Price lists', assistantIds: [assistant.userId] }))
      .id;
  });
  afterAll(() => stack.close());

  it('lets the client_admin accept a remedy written into the disclosure, which acknowledges it too', async () => {
    const { api } = stack;
    const id = await disclose({ remedyPlan: 'We refund the difference to the three customers today.', remedyDueAt: inHours(24) });
    const staffView = await api.get(`/api/v1/disclosures/${id}`, tenant.owner.token);
    expect(staffView.body.allowedNextStatuses).toEqual(['acknowledged', 'remedy_proposed', 'remedy_accepted', 'remedy_changes_requested']);
    expect((await api.post(`/api/v1/disclosures/${id}/accept-remedy`, {}, clientMember.token)).status).toBe(403);
    const accepted = await api.post(`/api/v1/disclosures/${id}/accept-remedy`, {}, clientAdmin.token);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      status: 'remedy_accepted',
      remedyPlan: 'We refund the difference to the three customers today.',
    });
    const stored = await withOwner(
      async (db) =>
        (await db.query(`SELECT acknowledged_at, remedy_proposed_at, remedy_rounds FROM disclosures WHERE id = $1`, [id])).rows[0],
    );
    expect(stored.acknowledged_at).not.toBeNull();
    expect(stored.remedy_proposed_at).not.toBeNull();
    expect(stored.remedy_rounds).toBe(1);

    // Without a remedy written down there is nothing to accept yet: 409, nothing changes.
    const bare = await disclose();
    const refused = await api.post(`/api/v1/disclosures/${bare}/accept-remedy`, {}, clientAdmin.token);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('no remedy');
    expect((await api.get(`/api/v1/disclosures/${bare}`, clientAdmin.token)).body.status).toBe('disclosed');
  });

  it('shows a client, on screen, in the CSV, the report and a share link, the same submitted time, and names the time zone', async () => {
    const { api } = stack;
    const week = mondayBefore(3);
    const at = (day: number, time: string) => {
      const date = new Date(`${week}T${time}:00Z`);
      date.setUTCDate(date.getUTCDate() + day);
      return date.toISOString();
    };
    const entry = (day: number, from: string, to: string, notes: string) =>
      createWorkLog(api, assistant.token, engagementId, { startedAt: at(day, from), endedAt: at(day, to), notes });
    await entry(1, '08:00', '09:30', 'Checked the spring price list');
    await submitWeek(api, assistant.token, engagementId, week);
    // A late entry, still a draft: on nobody's timesheet until it is submitted.
    await entry(2, '10:00', '12:00', 'DRAFT-ONLY: not submitted yet');

    const query = `period=week&start=${week}`;
    const screens = await Promise.all(
      [tenant.owner.token, clientAdmin.token].map((token) => api.get(`/api/v1/engagements/${engagementId}/timesheet?${query}`, token)),
    );
    for (const screen of screens) {
      expect(screen.status).toBe(200);
      expect(screen.body.entries.map((e: { notes: string }) => e.notes)).toEqual(['Checked the spring price list']);
      expect(screen.body.totals).toMatchObject({ entryCount: 1, totalHours: '1.50' });
      expect(screen.body.period.timeZone).toBe('Europe/Berlin');
    }
    const link = await createShareLink(api, tenant.owner.token, engagementId, { period: 'week', start: week });
    const shared = new URL(link.url).pathname;
    const exports = {
      ownerCsv: await api.getText(`/api/v1/engagements/${engagementId}/timesheet/csv?${query}`, tenant.owner.token),
      clientCsv: await api.getText(`/api/v1/engagements/${engagementId}/timesheet/csv?${query}`, clientAdmin.token),
      sharedCsv: await api.getText(`${shared}?format=csv`),
      ownerReport: await api.getText(`/api/v1/engagements/${engagementId}/timesheet/report?${query}`, tenant.owner.token),
      sharedReport: await api.getText(shared),
    };
    for (const [name, answer] of Object.entries(exports)) {
      expect([name, answer.status]).toEqual([name, 200]);
      expect([name, answer.text.includes('DRAFT-ONLY')]).toEqual([name, false]);
      expect([name, answer.text.includes('Checked the spring price list')]).toEqual([name, true]);
      expect([name, answer.text.includes('Europe/Berlin')]).toEqual([name, true]);
    }
    for (const csv of [exports.ownerCsv, exports.clientCsv, exports.sharedCsv]) {
      const rows: string[][] = parse(csv.text, { relax_column_count: true, skip_empty_lines: true });
      const totals = Object.fromEntries(rows.filter((r) => !/^\d/.test(r[0]!)).map((r) => [r[0], r[1]]));
      expect(totals).toMatchObject({ 'total hours': '1.50', 'time zone': 'Europe/Berlin' });
      // 08:00 UTC in late autumn is 09:00 in Berlin: the CSV is in the zone it names.
      expect(rows.filter((r) => /^\d{4}-/.test(r[0]!)).map((r) => r[1])).toEqual(['09:00']);
    }

    // The late entry joins the week's one submit group when it is submitted.
    const again = await api.post('/api/v1/timesheet-weeks', { engagementId, weekStart: week }, assistant.token);
    expect(again.status).toBe(201);
    expect(
      await count(`SELECT count(*)::int AS n FROM timesheet_weeks WHERE engagement_id = $1 AND week_start = $2`, [engagementId, week]),
    ).toBe(1);
    const after = await api.get(`/api/v1/engagements/${engagementId}/timesheet?${query}`, clientAdmin.token);
    expect(after.body.totals).toMatchObject({ entryCount: 2, totalHours: '3.50' });
  });

  it('refuses to submit a week whose new time is all shorter than a minute, writing nothing', async () => {
    const { api } = stack;
    const week = mondayBefore(5);
    const start = new Date(`${week}T09:00:00Z`);
    const slip = await api.post(
      '/api/v1/work-logs',
      {
        engagementId,
        startedAt: start.toISOString(),
        endedAt: new Date(start.getTime() + 20_000).toISOString(),
        notes: 'Opened the sheet',
      },
      assistant.token,
    );
    expect(slip.status).toBe(201);
    const refused = await api.post('/api/v1/timesheet-weeks', { engagementId, weekStart: week }, assistant.token);
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('shorter than a minute');
    expect(
      await count(`SELECT count(*)::int AS n FROM timesheet_weeks WHERE engagement_id = $1 AND week_start = $2`, [engagementId, week]),
    ).toBe(0);
    expect((await api.get(`/api/v1/work-logs/${slip.body.id}`, assistant.token)).body.status).toBe('draft');
  });

  it('discards a timer stopped within a minute unless kept, and times fix work at no charge', async () => {
    const { api } = stack;
    await api.post('/api/v1/timer/start', { engagementId, notes: 'Oops, wrong button' }, assistant.token);
    const discarded = await api.post('/api/v1/timer/stop', {}, assistant.token);
    expect(discarded.status).toBe(200);
    expect(discarded.body).toMatchObject({ discarded: true, notes: 'Oops, wrong button' });
    expect(await count(`SELECT count(*)::int AS n FROM work_logs WHERE id = $1`, [discarded.body.id])).toBe(0);

    await api.post('/api/v1/timer/start', { engagementId, notes: 'A quick call, really' }, assistant.token);
    const kept = await api.post('/api/v1/timer/stop', { keepShort: true }, assistant.token);
    expect(kept.body).toMatchObject({ discarded: false, running: false });
    expect(await count(`SELECT count(*)::int AS n FROM work_logs WHERE id = $1`, [kept.body.id])).toBe(1);

    const disclosureId = await disclose();
    expect((await api.post('/api/v1/timer/start', { engagementId, disclosureId, billable: true }, assistant.token)).status).toBe(400);
    const fixing = await api.post(
      '/api/v1/timer/start',
      { engagementId, disclosureId, notes: 'Correcting the price list' },
      assistant.token,
    );
    expect({ status: fixing.status, body: fixing.status === 201 ? null : fixing.body }).toEqual({ status: 201, body: null });
    expect(fixing.body.timer).toMatchObject({ disclosureId, billable: false, fixedAtNoCharge: true });
    await withOwner((db) =>
      db.query(`UPDATE work_logs SET started_at = started_at - interval '30 minutes' WHERE id = $1`, [fixing.body.timer.id]),
    );
    const stopped = await api.post('/api/v1/timer/stop', {}, assistant.token);
    expect(stopped.body).toMatchObject({ discarded: false, fixedAtNoCharge: true, amount: '0.00' });
    // The fix timer starts after the kept one's end (up to a second after its start), so 30 minutes less that second at most.
    expect(stopped.body.durationSeconds).toBeGreaterThanOrEqual(1799);

    const other = await createEngagement(
      api,
      tenant.owner.token,
      (await api.get(`/api/v1/engagements/${engagementId}`, tenant.owner.token)).body.clientAccountId,
      {
        assistantIds: [assistant.userId],
      },
    );
    const elsewhere = await api.post('/api/v1/timer/start', { engagementId: other.id, disclosureId }, assistant.token);
    expect(elsewhere.status).toBe(400);
    expect((await api.get('/api/v1/timer', assistant.token)).body.timer).toBeNull();
  });

  it('refuses a due date in the past when planning or moving a deliverable', async () => {
    const { api } = stack;
    const before = await count(`SELECT count(*)::int AS n FROM deliverables WHERE engagement_id = $1`, [engagementId]);
    const past = await api.post(
      '/api/v1/deliverables',
      { engagementId, title: 'Summer price list', dueAt: inHours(-2) },
      tenant.owner.token,
    );
    expect(past.status).toBe(400);
    expect(past.body.message).toContain('The due date is in the past');
    expect(await count(`SELECT count(*)::int AS n FROM deliverables WHERE engagement_id = $1`, [engagementId])).toBe(before);
    const planned = await createDeliverable(api, tenant.owner.token, engagementId, { title: 'Summer price list', dueAt: inHours(48) });
    expect((await api.patch(`/api/v1/deliverables/${planned.id}`, { dueAt: inHours(-1) }, tenant.owner.token)).status).toBe(400);
    expect((await api.patch(`/api/v1/deliverables/${planned.id}`, { title: 'Summer prices' }, tenant.owner.token)).status).toBe(200);
  });

  it('publishes one schema per person shape, and the disclosure author may have no id', async () => {
    const doc = (await stack.api.get('/api/docs-json')).body;
    const schemas = doc.components.schemas;
    expect(schemas.PersonResponse.required).toContain('id');
    expect(schemas.ShownPersonResponse.properties.id).toMatchObject({ type: 'string', nullable: true });
    expect(schemas.ShownPersonResponse.required ?? []).toContain('displayName');
    expect(schemas.DisclosureClientResponse.properties.author.allOf ?? [schemas.DisclosureClientResponse.properties.author]).toEqual(
      expect.arrayContaining([expect.objectContaining({ $ref: '#/components/schemas/ShownPersonResponse' })]),
    );
    const clientView = await stack.api.get('/api/v1/disclosures', clientAdmin.token);
    expect(clientView.body.items[0].author).toEqual({ id: null, displayName: expect.any(String) });
  });
});
