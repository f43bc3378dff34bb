import type { TenantFixture } from '../support/factories';
import { DISCLOSURE_TABLES, draftDisclosure, startDisclosureTeam } from '../support/disclosure-team';
import type { Stack } from '../support/stack';
import { counts, type Member } from '../support/team';

/** Disclosure rules beside the lifecycle: fix time at no charge, bad input, edits, and remedies agreed up front. */
describe('disclosures: rules', () => {
  let stack: Stack, tenant: TenantFixture, engagementId: string, otherEngagementId: string;
  let manager: Member, assistant: Member, clientAdmin: Member;

  const draft = (token: string, extra: Record<string, unknown> = {}) => draftDisclosure(stack.api, engagementId, token, extra);

  beforeAll(async () => {
    ({ stack, tenant, manager, assistant, clientAdmin, engagementId, otherEngagementId } = await startDisclosureTeam());
  }, 180_000); // Several people to invite and sign in: argon2 is slow on a busy machine.
  afterAll(() => stack.close());

  it('logs the time spent fixing a disclosed error at no charge, shown to the client as the team', async () => {
    const { api } = stack;
    const id = (await draft(assistant.token)).body.id as string;
    const fix = {
      engagementId,
      startedAt: '2026-11-20T10:00:00Z',
      endedAt: '2026-11-20T11:00:00Z',
      notes: 'Sent the correction',
      disclosureId: id,
    };
    expect((await api.post('/api/v1/work-logs', fix, assistant.token)).status).toBe(409);
    await api.post(`/api/v1/disclosures/${id}/disclose`, {}, assistant.token);
    expect((await api.post('/api/v1/work-logs', { ...fix, billable: true }, assistant.token)).status).toBe(400);
    expect((await api.post('/api/v1/work-logs', { ...fix, engagementId: otherEngagementId }, tenant.owner.token)).status).toBe(400);
    const logged = await api.post('/api/v1/work-logs', fix, assistant.token);
    expect(logged.status).toBe(201);
    expect(logged.body).toMatchObject({ billable: false, amount: '0.00', fixedAtNoCharge: true, disclosureId: id });
    const ordinary = await api.post(
      '/api/v1/work-logs',
      { ...fix, startedAt: '2026-11-20T12:00:00Z', endedAt: '2026-11-20T13:00:00Z', disclosureId: undefined },
      assistant.token,
    );
    expect(ordinary.status).toBe(201);
    const week = await api.post('/api/v1/timesheet-weeks', { engagementId, weekStart: '2026-11-16' }, assistant.token);
    expect(week.status).toBe(201);
    const seen = await api.get(`/api/v1/work-logs/${logged.body.id}`, clientAdmin.token);
    // The entry is the team's: no assistant, and no week that would name one.
    expect(seen.body).toMatchObject({ assistant: null, fixedAtNoCharge: true, weekId: null });

    // Fix time stays the team's: the assistant's week, as a client reads it, holds no fix entry and counts none of it.
    const clientWeek = await api.get(`/api/v1/timesheet-weeks/${week.body.id}`, clientAdmin.token);
    expect(clientWeek.status).toBe(200);
    expect(clientWeek.body.entries.map((e: { id: string }) => e.id)).toEqual([ordinary.body.id]);
    expect(clientWeek.body.totalHours).toBe('1.00');
    const staffWeek = await api.get(`/api/v1/timesheet-weeks/${week.body.id}`, tenant.owner.token);
    expect(staffWeek.body.entries.map((e: { id: string }) => e.id).sort()).toEqual([logged.body.id, ordinary.body.id].sort());
    expect(staffWeek.body.totalHours).toBe('2.00');
    // Filtering by the assistant's id finds their ordinary time, never the fix.
    const assistantId = (await api.get('/api/v1/me', assistant.token)).body.user.id as string;
    const byPerson = await api.get(`/api/v1/work-logs?engagementId=${engagementId}&assistantId=${assistantId}`, clientAdmin.token);
    expect(byPerson.status).toBe(200);
    const ids = byPerson.body.items.map((e: { id: string }) => e.id);
    expect(ids).toContain(ordinary.body.id);
    expect(ids).not.toContain(logged.body.id);
    // Staff still find it by person.
    const staffByPerson = await api.get(`/api/v1/work-logs?engagementId=${engagementId}&assistantId=${assistantId}`, tenant.owner.token);
    expect(staffByPerson.body.items.map((e: { id: string }) => e.id)).toContain(logged.body.id);
  });

  it('refuses bad input with a clear message and writes nothing', async () => {
    const { api } = stack;
    const id = (await draft(assistant.token)).body.id as string;
    const before = await counts(tenant.tenantId, DISCLOSURE_TABLES);
    const cases: [string, Record<string, unknown>, string][] = [
      ['offers', { kind: 'discount_next_project', value: '0' }, 'whole percent from 1 to 100'],
      ['offers', { kind: 'discount_next_project', value: '101' }, 'whole percent from 1 to 100'],
      ['offers', { kind: 'free_hours', value: '-2' }, 'Free hours must be more than 0'],
      ['offers', { kind: 'credit', value: '10.005', currency: 'EUR' }, 'at most 2 decimals'],
      ['offers', { kind: 'voucher', value: '1' }, 'Kind: this value is not one of the allowed choices.'],
    ];
    for (const [route, body, message] of cases) {
      const response = await api.post(`/api/v1/disclosures/${id}/${route}`, body, assistant.token);
      expect({ body, status: response.status, message: JSON.stringify(response.body.message) }).toEqual({
        body,
        status: 400,
        message: expect.stringContaining(message),
      });
    }
    const unknownCategory = await draft(assistant.token, { category: 'cosmic_rays' });
    expect(unknownCategory.status).toBe(400);
    expect(JSON.stringify(unknownCategory.body.message)).toContain('Category: this value is not one of the allowed choices.');
    const empty = await draft(assistant.token, { whatHappened: '   ' });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body.message)).toContain('What happened must not be empty');
    expect(empty.body.errors).toContainEqual({
      code: 'blank',
      field: 'whatHappened',
      message: 'This field must not be empty: it holds only spaces.',
    });
    const backwards = await draft(assistant.token, { occurredAt: '2026-11-21T09:00:00Z', discoveredAt: '2026-11-20T09:00:00Z' });
    expect(backwards.status).toBe(400);
    expect(await counts(tenant.tenantId, DISCLOSURE_TABLES)).toEqual(before);
  });

  it('reads a null in an edit as "no change", except for the remedy due date, which it clears', async () => {
    const { api } = stack;
    const id = (await draft(assistant.token, { remedyDueAt: new Date(Date.now() + 86_400_000).toISOString() })).body.id as string;
    const edited = await api.patch(
      `/api/v1/disclosures/${id}`,
      { impact: null, remedyDueAt: null, contributingFactors: 'A rushed afternoon' },
      assistant.token,
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      impact: expect.stringContaining('2,000 customers'),
      remedyDueAt: null,
      contributingFactors: 'A rushed afternoon',
    });
  });

  it('starts a disclosure with the remedy and offer agreed up front for its category', async () => {
    const { api } = stack;
    const policy = {
      remedyPlan: 'We correct the copy within 24 hours at no charge.',
      remedyDueHours: 24,
      offerKind: 'discount_next_project',
      offerValue: '10',
    };
    expect((await api.put(`/api/v1/engagements/${engagementId}/remedy-policies/copy_error`, policy, assistant.token)).status).toBe(403);
    const saved = await api.put(`/api/v1/engagements/${engagementId}/remedy-policies/copy_error`, policy, manager.token);
    expect(saved.body).toMatchObject({ category: 'copy_error', offerKind: 'discount_next_project', offerValue: '10' });
    expect(
      (await api.put(`/api/v1/engagements/${engagementId}/remedy-policies/copy_error`, { ...policy, offerValue: '0' }, manager.token))
        .status,
    ).toBe(400);
    expect((await api.get(`/api/v1/engagements/${engagementId}/remedy-policies`, clientAdmin.token)).body).toHaveLength(1);

    const started = await draft(assistant.token);
    expect(started.body.remedyPlan).toBe(policy.remedyPlan);
    expect(new Date(started.body.remedyDueAt).getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    expect(started.body.offers).toMatchObject([{ kind: 'discount_next_project', value: '10', status: 'offered' }]);
    const own = await draft(assistant.token, { remedyPlan: 'Our own plan' });
    expect(own.body.remedyPlan).toBe('Our own plan');
    expect(own.body.offers).toEqual([]);
    expect((await api.delete(`/api/v1/engagements/${engagementId}/remedy-policies/copy_error`, manager.token)).status).toBe(204);
  });
});
