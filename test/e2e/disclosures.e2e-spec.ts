import { addMember, type TenantFixture } from '../support/factories';
import { emailsTo, waitForEmailAbout, waitForEmailWhere } from '../support/mail-sink';
import { SECRET, draftDisclosure, startDisclosureTeam } from '../support/disclosure-team';
import type { Stack } from '../support/stack';
import { type Member } from '../support/team';

const INTERNAL_FIELDS = [
  'rootCause',
  'contributingFactors',
  'lessonsLearned',
  'preventiveActions',
  'involved',
  'detectedBy',
  'allowedNextStatuses',
];

const subjects = async (address: string) => (await emailsTo(address)).map((e) => e.subject);

/** The whole lifecycle with every email, what a client may read of it, and the analytics built on it. */
describe('disclosures', () => {
  let stack: Stack, tenant: TenantFixture, outsider: TenantFixture, clientId: string, engagementId: string, otherEngagementId: string;
  let manager: Member, assistant: Member, clientAdmin: Member, clientMember: Member, otherClientAdmin: Member;
  /** Every body a client user received, for the leak test. */
  const clientBodies: unknown[] = [];

  /** A call as a client user; its body joins the leak test's evidence. */
  const asClient = async (method: 'get' | 'post', path: string, token: string, body?: unknown) => {
    const response = method === 'get' ? await stack.api.get(path, token) : await stack.api.post(path, body ?? {}, token);
    clientBodies.push(response.body);
    return response;
  };

  const draft = (token: string, extra: Record<string, unknown> = {}) => draftDisclosure(stack.api, engagementId, token, extra);

  beforeAll(async () => {
    ({
      stack,
      tenant,
      outsider,
      clientId,
      manager,
      assistant,
      clientAdmin,
      clientMember,
      otherClientAdmin,
      engagementId,
      otherEngagementId,
    } = await startDisclosureTeam());
  }, 180_000); // Several people to invite and sign in: argon2 is slow on a busy machine.
  afterAll(() => stack.close());

  it('walks the whole lifecycle as assistant, manager and client_admin, with an email at every step', async () => {
    const { api } = stack;
    expect((await api.patch('/api/v1/tenant', { settings: { requireDisclosureReview: true } }, tenant.owner.token)).status).toBe(200);

    // The assistant drafts it, names themself as involved, and adds a credit offer.
    const created = await draft(assistant.token, { involvedUserIds: [assistant.userId] });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({
      status: 'draft',
      involved: [{ id: assistant.userId, displayName: 'Ada Lovelace' }],
      allowedNextStatuses: ['in_review', 'disclosed'],
    });
    const offered = await api.post(
      `/api/v1/disclosures/${id}/offers`,
      { kind: 'credit', value: '25.00', currency: 'EUR', note: 'Off your next invoice' },
      assistant.token,
    );
    expect(offered.status).toBe(201);
    const offerId = offered.body.offers[0].id as string;

    // Review is required: the assistant cannot disclose, and submits for review instead.
    const refused = await api.post(`/api/v1/disclosures/${id}/disclose`, {}, assistant.token);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('submit this draft for review');
    expect((await api.post(`/api/v1/disclosures/${id}/submit-for-review`, {}, assistant.token)).body.status).toBe('in_review');
    await waitForEmailAbout(manager.email, 'Please review a disclosure for Acme Bakery');
    expect(await subjects(clientAdmin.email)).not.toContainEqual(expect.stringContaining('mistake'));

    // The manager notices a name in the client-facing words: disclosing is refused, pointing at them.
    await api.patch(`/api/v1/disclosures/${id}`, { whatHappened: 'Ada sent the newsletter to the full list.' }, manager.token);
    const named = await api.post(`/api/v1/disclosures/${id}/disclose`, {}, manager.token);
    expect(named.status).toBe(400);
    expect(named.body.message).toContain('"Ada" in what happened');
    await api.patch(
      `/api/v1/disclosures/${id}`,
      { whatHappened: 'We sent the November newsletter to the full list instead of the VIP segment.' },
      manager.token,
    );
    const disclosed = await api.post(`/api/v1/disclosures/${id}/disclose`, {}, manager.token);
    expect(disclosed.status).toBe(200);
    expect(disclosed.body.disclosedAt).not.toBeNull();
    expect(disclosed.body.timeToDiscloseSeconds).toBeGreaterThanOrEqual(3600);
    for (const contact of [clientAdmin, clientMember]) {
      const email = await waitForEmailAbout(contact.email, 'Northwind VAs: we made a mistake on Newsletter care');
      expect(email.text).toContain('full list instead of the VIP segment');
      expect(email.text).not.toContain('Ada');
    }
    await waitForEmailAbout(clientAdmin.email, 'Northwind VAs offers you a credit of €25.00');
    expect(await subjects(clientMember.email)).not.toContainEqual(expect.stringContaining('offers you'));

    // Facts stay as the client read them.
    const late = await api.patch(`/api/v1/disclosures/${id}`, { impact: 'smaller than we said' }, manager.token);
    expect(late.status).toBe(409);

    // A client colleague acknowledges it; the assistant proposes the remedy.
    expect((await asClient('post', `/api/v1/disclosures/${id}/acknowledge`, clientMember.token)).body.status).toBe('acknowledged');
    const due = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const proposed = await api.post(
      `/api/v1/disclosures/${id}/propose-remedy`,
      { remedyPlan: 'We send a correction to everyone and honour the code for VIPs only.', remedyDueAt: due },
      assistant.token,
    );
    expect(proposed.body).toMatchObject({ status: 'remedy_proposed', remedyRounds: 1 });
    await waitForEmailAbout(clientAdmin.email, 'Newsletter care: please confirm how we put it right');

    // Only the client_admin signs off; they ask for changes first.
    expect((await asClient('post', `/api/v1/disclosures/${id}/accept-remedy`, clientMember.token)).status).toBe(403);
    const changes = await asClient('post', `/api/v1/disclosures/${id}/request-remedy-changes`, clientAdmin.token, {
      comment: 'Please also extend the code by a week.',
    });
    expect(changes.body.status).toBe('remedy_changes_requested');
    const changesEmail = await waitForEmailAbout(assistant.email, 'asked for changes to the remedy on Newsletter care');
    expect(changesEmail.text).toContain('Please also extend the code by a week.');
    await waitForEmailAbout(manager.email, 'asked for changes to the remedy');

    const revised = await api.post(
      `/api/v1/disclosures/${id}/propose-remedy`,
      { remedyPlan: 'We send a correction, honour the code for VIPs and extend it by a week.' },
      assistant.token,
    );
    expect(revised.body.remedyRounds).toBe(2);
    await waitForEmailAbout(clientAdmin.email, 'please confirm how we put it right');
    const revisedEmail = await waitForEmailWhere(clientAdmin.email, 'with the revised remedy', (e) =>
      e.text.includes('after your comments'),
    );
    expect(revisedEmail.text).toContain('extend it by a week');
    const accepted = await asClient('post', `/api/v1/disclosures/${id}/accept-remedy`, clientAdmin.token);
    expect(accepted.body).toMatchObject({ status: 'remedy_accepted', remedyAcceptedBy: { id: clientAdmin.userId } });
    expect(accepted.body.remedyAcceptedAt).not.toBeNull();
    await waitForEmailAbout(assistant.email, 'accepted the remedy on Newsletter care');

    // The offer: a member may not accept it; the client_admin does, and it lands on the ledger.
    expect((await asClient('post', `/api/v1/compensation-offers/${offerId}/accept`, clientMember.token)).status).toBe(403);
    const took = await asClient('post', `/api/v1/compensation-offers/${offerId}/accept`, clientAdmin.token);
    expect(took.status).toBe(200);
    expect(took.body.offers[0]).toMatchObject({ status: 'accepted', value: '25.00', currency: 'EUR' });
    await waitForEmailAbout(manager.email, 'accepted a credit of €25.00');
    const credits = await asClient('get', `/api/v1/client-accounts/${clientId}/credits`, clientAdmin.token);
    expect(credits.body).toMatchObject({
      entries: [{ offerId, kind: 'credit', value: '25.00', currency: 'EUR', appliedAt: null }],
      openMoney: [{ currency: 'EUR', amount: '25.00' }],
    });
    expect((await api.post(`/api/v1/compensation-offers/${offerId}/apply`, {}, manager.token)).body.offers[0].status).toBe('applied');
    expect((await api.get(`/api/v1/client-accounts/${clientId}/credits`, clientAdmin.token)).body.openMoney).toEqual([]);

    // An illegal step names the allowed next states.
    const early = await api.post(`/api/v1/disclosures/${id}/resolve`, { resolutionSummary: 'Done' }, assistant.token);
    expect(early.status).toBe(409);
    expect(early.body.message).toBe('Cannot resolve a disclosure that is remedy accepted; allowed next: in remediation');

    expect((await api.post(`/api/v1/disclosures/${id}/start-remediation`, {}, assistant.token)).body.status).toBe('in_remediation');
    const resolved = await api.post(
      `/api/v1/disclosures/${id}/resolve`,
      {
        resolutionSummary: 'Correction sent to all 2,000; VIP codes extended.',
        preventionSummary: 'Every send list is now checked by a second person.',
      },
      assistant.token,
    );
    expect(resolved.body.status).toBe('resolved');
    expect(resolved.body.followUps.map((f: { kind: string }) => f.kind).sort()).toEqual(['client_check_in', 'team_retrospective']);
    const resolvedEmail = await waitForEmailAbout(clientMember.email, 'Newsletter care: the mistake is put right');
    expect(resolvedEmail.text).toContain('checked by a second person');

    // Closing waits for the follow-ups.
    const tooSoon = await api.post(`/api/v1/disclosures/${id}/close`, {}, manager.token);
    expect(tooSoon.status).toBe(409);
    expect(tooSoon.body.message).toContain('client check in');
    const followUpsDue = await api.get('/api/v1/follow-ups', assistant.token);
    expect(
      followUpsDue.body
        .filter((f: { disclosureId: string }) => f.disclosureId === id)
        .map((f: { kind: string }) => f.kind)
        .sort(),
    ).toEqual(['client_check_in', 'team_retrospective']);
    const clientDue = await asClient('get', '/api/v1/follow-ups', clientAdmin.token);
    expect(clientDue.body.map((f: { kind: string }) => f.kind)).toEqual(['client_check_in']);
    expect((await api.get('/api/v1/follow-ups', otherClientAdmin.token)).body).toEqual([]);
    expect((await api.get('/api/v1/follow-ups?status=lost', assistant.token)).status).toBe(400);
    const checkedIn = await asClient('post', `/api/v1/disclosures/${id}/check-in`, clientAdmin.token, {
      resolved: true,
      rating: 5,
      comment: 'Handled well, thank you.',
    });
    expect(checkedIn.body.followUps).toMatchObject([{ kind: 'client_check_in', status: 'done', rating: 5, clientResolved: true }]);
    // Comments wait a few minutes for more on the same thread: let that time pass.
    await stack.worker!.heldNotificationSweep.handle(new Date(Date.now() + 5 * 60_000));
    const verdict = await waitForEmailAbout(assistant.email, 'New comment on the disclosure for Newsletter care');
    expect(verdict.text).toContain('Resolved, rated 5/5: Handled well, thank you.');
    const retro = resolved.body.followUps.find((f: { kind: string }) => f.kind === 'team_retrospective');
    expect(
      (await api.post(`/api/v1/follow-ups/${retro.id}/complete`, { outcome: 'Talked it through; checklist updated.' }, manager.token))
        .status,
    ).toBe(200);
    const closed = await api.post(`/api/v1/disclosures/${id}/close`, {}, manager.token);
    expect(closed.body).toMatchObject({ status: 'closed', allowedNextStatuses: [] });
    expect(closed.body.timeToResolveSeconds).toBeGreaterThanOrEqual(0);

    // The client's timeline starts at disclosure and tells the story in order.
    const seen = await asClient('get', `/api/v1/disclosures/${id}`, clientAdmin.token);
    expect(seen.body.timeline.filter((t: { type: string }) => t.type === 'event').map((t: { action: string }) => t.action)).toEqual([
      'disclosed',
      'acknowledged',
      'remedy_proposed',
      'remedy_changes_requested',
      'remedy_proposed',
      'remedy_accepted',
      'offer_accepted',
      'offer_applied',
      'remediation_started',
      'resolved',
      'check_in_answered',
      'closed',
    ]);
    expect(seen.body.author).toEqual({ id: null, displayName: 'Northwind VAs team' });
    const staffView = await api.get(`/api/v1/disclosures/${id}`, manager.token);
    expect(staffView.body.timeline.map((t: { action: string }) => t.action)).toEqual(
      expect.arrayContaining(['created', 'offer_made', 'submitted_for_review', 'updated', 'follow_up_done']),
    );
    const record = await asClient('get', `/api/v1/client-accounts/${clientId}/service-record`, clientMember.token);
    expect(record.body).toMatchObject({
      disclosed: 1,
      resolved: 1,
      entries: [{ disclosureId: id, preventionSummary: 'Every send list is now checked by a second person.' }],
    });
    await api.patch('/api/v1/tenant', { settings: { requireDisclosureReview: false } }, tenant.owner.token);
  });

  it('never shows a client user an internal field, an internal comment, a draft, or who was involved', async () => {
    const { api } = stack;
    const open = await draft(assistant.token, { involvedUserIds: [assistant.userId] });
    const id = open.body.id as string;
    await api.post(`/api/v1/disclosures/${id}/comments`, { body: SECRET.internalComment, visibility: 'internal' }, assistant.token);
    expect((await api.post(`/api/v1/disclosures/${id}/disclose`, {}, assistant.token)).status).toBe(200);
    await api.post(`/api/v1/disclosures/${id}/comments`, { body: 'We have started on the correction.' }, assistant.token);
    await api.post(`/api/v1/disclosures/${id}/offers`, { kind: 'discount_next_project', value: '10' }, assistant.token);
    const hidden = (await draft(assistant.token, { whatHappened: 'DRAFT-ONLY-3e9a: not told yet' })).body.id as string;

    for (const client of [clientAdmin, clientMember]) {
      await asClient('get', '/api/v1/disclosures', client.token);
      await asClient('get', `/api/v1/disclosures?engagementId=${engagementId}`, client.token);
      await asClient('get', `/api/v1/disclosures/${id}`, client.token);
      expect((await asClient('get', `/api/v1/disclosures/${hidden}`, client.token)).status).toBe(404);
      await asClient('post', `/api/v1/disclosures/${id}/comments`, client.token, { body: 'Thanks for telling us.' });
      await asClient('get', `/api/v1/client-accounts/${clientId}/service-record`, client.token);
      await asClient('get', `/api/v1/client-accounts/${clientId}/credits`, client.token);
      await asClient('get', `/api/v1/engagements/${engagementId}/remedy-policies`, client.token);
    }
    const listed = (await api.get('/api/v1/disclosures', clientAdmin.token)).body.items.map((d: { id: string }) => d.id);
    expect(listed).toContain(id);
    expect(listed).not.toContain(hidden);

    const evidence = JSON.stringify(clientBodies);
    expect(clientBodies.length).toBeGreaterThan(20);
    for (const field of INTERNAL_FIELDS) expect(evidence).not.toContain(`"${field}"`);
    for (const secret of Object.values(SECRET)) expect(evidence).not.toContain(secret.slice(0, 12));
    expect(evidence).not.toContain('DRAFT-ONLY-3e9a');
    expect(evidence).not.toContain(hidden);
    expect(evidence).not.toContain('Ada Lovelace');
    expect(evidence).not.toContain(assistant.email);
    expect(evidence).not.toContain(assistant.userId);
    // The staff view has all of it.
    const staff = await api.get(`/api/v1/disclosures/${id}`, manager.token);
    expect(JSON.stringify(staff.body)).toContain(SECRET.internalComment);
    expect(staff.body.rootCause).toBe(SECRET.rootCause);
  });

  it('names staff to clients only when the tenant chooses to', async () => {
    const { api } = stack;
    const id = (await draft(assistant.token)).body.id as string;
    await api.post(`/api/v1/disclosures/${id}/disclose`, {}, assistant.token);
    await api.patch('/api/v1/tenant', { settings: { showStaffNames: true } }, tenant.owner.token);
    expect((await api.get(`/api/v1/disclosures/${id}`, clientAdmin.token)).body.author).toEqual({
      id: assistant.userId,
      displayName: 'Ada Lovelace',
    });
    await api.patch('/api/v1/tenant', { settings: { showStaffNames: false } }, tenant.owner.token);
    expect((await api.get(`/api/v1/disclosures/${id}`, clientAdmin.token)).body.author.displayName).toBe('Northwind VAs team');
  });

  it('hides disclosures and offers from another client and another tenant (404)', async () => {
    const { api } = stack;
    const created = await draft(assistant.token);
    const id = created.body.id as string;
    await api.post(`/api/v1/disclosures/${id}/disclose`, {}, assistant.token);
    const offerId = (await api.post(`/api/v1/disclosures/${id}/offers`, { kind: 'free_revision' }, assistant.token)).body.offers[0].id;
    for (const token of [otherClientAdmin.token, outsider.owner.token]) {
      expect((await api.get(`/api/v1/disclosures/${id}`, token)).status).toBe(404);
      expect((await api.post(`/api/v1/disclosures/${id}/acknowledge`, {}, token)).status).toBe(404);
      expect((await api.post(`/api/v1/compensation-offers/${offerId}/accept`, {}, token)).status).toBe(404);
      expect((await api.get(`/api/v1/client-accounts/${clientId}/credits`, token)).status).toBe(404);
    }
    expect((await api.get('/api/v1/disclosures', otherClientAdmin.token)).body.items).toEqual([]);
    // Assistants see the engagements they work on only.
    const stranger = await addMember(api, tenant.owner.token, 'assistant');
    expect((await api.get(`/api/v1/disclosures/${id}`, stranger.token)).status).toBe(404);
    const unassigned = await stack.api.post(
      '/api/v1/disclosures',
      {
        engagementId: otherEngagementId,
        category: 'other',
        severity: 'low',
        occurredAt: '2026-11-20T09:00:00Z',
        discoveredAt: '2026-11-20T10:00:00Z',
        whatHappened: 'x',
      },
      stranger.token,
    );
    // An engagement outside the assistant's scope does not exist for them.
    expect(unassigned.status).toBe(404);
  });

  it('gives owners and managers analytics and a searchable lessons library, and nobody else', async () => {
    const { api } = stack;
    const analytics = await api.get('/api/v1/disclosure-analytics', manager.token);
    expect(analytics.status).toBe(200);
    expect(analytics.body.disclosures).toBeGreaterThanOrEqual(3);
    expect(analytics.body.offerAcceptanceRate).toBe(1);
    expect(analytics.body.remedyAcceptanceRate).toBe(1);
    expect(analytics.body.compensationTotals).toEqual([{ currency: 'EUR', amount: '25.00' }]);
    expect(analytics.body.medianTimeToDiscloseSeconds).toBeGreaterThanOrEqual(3600);
    expect(analytics.body.byMonth[0]).toMatchObject({ category: 'copy_error', severity: 'medium' });
    const lessons = await api.get('/api/v1/lessons?q=preview%20the%20recipient', tenant.owner.token);
    expect(lessons.body.length).toBeGreaterThan(0);
    expect(lessons.body[0].lessonsLearned).toBe(SECRET.lessons);
    expect((await api.get('/api/v1/lessons?q=nothing-like-this', tenant.owner.token)).body).toEqual([]);
    expect((await api.get('/api/v1/disclosure-analytics?from=2026-13', manager.token)).status).toBe(400);
    for (const token of [assistant.token, clientAdmin.token]) {
      expect((await api.get('/api/v1/disclosure-analytics', token)).status).toBe(403);
      expect((await api.get('/api/v1/lessons', token)).status).toBe(403);
    }
  });
});
