import {
  addMember,
  createClientAccount,
  createEngagement,
  discloseNew,
  signUpTenant,
  uniqueEmail,
  type Member,
  type TenantFixture,
} from '../support/factories';
import { emailsTo, invitationLink, waitForEmailAbout, waitForEmails, waitForEmailWhere, type SinkEmail } from '../support/mail-sink';
import { withOwner } from '../support/owner-db';
import { sweepHeldFor } from '../support/notifications';
import { startStack, type Stack } from '../support/stack';

/** The first 23:00 UTC (08:00 in Tokyo, which has no daylight saving) strictly after `at`. */
function nextTokyoEight(at: Date): Date {
  const next = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate(), 23, 0, 0));
  return next > at ? next : new Date(next.getTime() + 24 * 3_600_000);
}

const held = (tenantId: string) =>
  withOwner(
    async (db) =>
      (await db.query(`SELECT user_id, kind, template FROM held_notifications WHERE tenant_id = $1`, [tenantId])).rows as {
        user_id: string;
        kind: string;
      }[],
  );

describe('emails: time zones, preferences, digest, bursts, one-click unsubscribe', () => {
  let stack: Stack;
  let tenant: TenantFixture;
  let tokyo: Member; // client_admin in Asia/Tokyo reading Japanese
  let la: Member; // client_admin in America/Los_Angeles reading English
  let member: Member; // client_member, immediate for everything
  let disclosureId: string;
  let offerId: string;
  let engagementName: string;

  const sweep = (at: Date) => sweepHeldFor(stack.worker!.heldNotificationSweep, tenant.tenantId, at);
  const preferences = async (who: Member) =>
    Object.fromEntries(
      ((await stack.api.get('/api/v1/me/notification-preferences', who.token)).body as { event: string; mode: string }[]).map((p) => [
        p.event,
        p.mode,
      ]),
    );
  const staffComment = (body: string) =>
    stack.api.post(`/api/v1/disclosures/${disclosureId}/comments`, { body, visibility: 'client' }, tenant.owner.token);

  beforeAll(async () => {
    stack = await startStack();
    const { api } = stack;
    tenant = await signUpTenant(api, { tenantName: 'Fjord Assist' });
    const clientId = await createClientAccount(api, tenant.owner.token, 'Sakura Tea');
    tokyo = await addMember(api, tenant.owner.token, 'client_admin', clientId);
    la = await addMember(api, tenant.owner.token, 'client_admin', clientId);
    member = await addMember(api, tenant.owner.token, 'client_member', clientId);
    expect((await api.patch('/api/v1/me', { timeZone: 'Asia/Tokyo', locale: 'ja' }, tokyo.token)).status).toBe(200);
    expect((await api.patch('/api/v1/me', { timeZone: 'America/Los_Angeles' }, la.token)).status).toBe(200);
    const engagement = await createEngagement(api, tenant.owner.token, clientId);
    engagementName = engagement.body.name;
    // The factory's draft (a copy error discovered ten minutes ago), disclosed at once.
    disclosureId = await discloseNew(api, tenant.owner.token, engagement.id, { occurredAt: '2026-11-20T09:00:00Z' });
    await waitForEmailAbout(la.email, 'we made a mistake');
  });
  afterAll(() => stack.close());

  it('stores a time zone and refuses one that does not exist, in words', async () => {
    const me = await stack.api.get('/api/v1/me', tokyo.token);
    expect(me.body.user).toMatchObject({ timeZone: 'Asia/Tokyo', locale: 'ja' });
    const refused = await stack.api.patch('/api/v1/me', { timeZone: 'Mars/Olympus' }, tokyo.token);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('Time zone: this is not a known time zone, such as Europe/Berlin.');
    expect((await stack.api.get('/api/v1/me', tokyo.token)).body.user.timeZone).toBe('Asia/Tokyo');
  });

  it("sends the same offer to Tokyo and Los Angeles with the deadline in each reader's time and language", async () => {
    const offered = await stack.api.post(
      `/api/v1/disclosures/${disclosureId}/offers`,
      { kind: 'credit', value: '1250.00', currency: 'EUR', expiresAt: '2026-12-24T20:30:00Z' },
      tenant.owner.token,
    );
    expect(offered.status).toBe(201);
    offerId = offered.body.offers[0].id;
    const toLa = await waitForEmailAbout(la.email, 'offers you a credit of €1,250.00');
    expect(toLa.text).toContain('open until Dec 24, 2026, 12:30 PM PST');
    const toTokyo = await waitForEmailWhere(tokyo.email, 'about the offer', (e) => e.subject.includes('€1,250.00'));
    expect(toTokyo.subject).toBe('Fjord Assist から €1,250.00 のクレジット のご提案');
    expect(toTokyo.text).toContain('2026年12月25日 5:30 JST まで有効です');
    expect(toTokyo.html).toContain('lang="ja"');
  });

  it('refuses to turn off a disclosure for a client, explains why, and allows the digest', async () => {
    const off = await stack.api.put('/api/v1/me/notification-preferences/disclosure_disclosed', { mode: 'off' }, tokyo.token);
    expect(off.status).toBe(400);
    expect(off.body.message).toContain('cannot be turned off');
    expect(off.body.message).toContain('daily digest');
    const badMode = await stack.api.put('/api/v1/me/notification-preferences/disclosure_comment', { mode: 'weekly' }, tokyo.token);
    expect(badMode.status).toBe(400);
    expect(JSON.stringify(badMode.body)).toContain('Mode: this value is not one of the allowed choices.');
    expect((await stack.api.put('/api/v1/me/notification-preferences/deliverable_late', { mode: 'off' }, tokyo.token)).status).toBe(404);
    expect((await stack.api.put('/api/v1/me/notification-preferences/no_such_email', { mode: 'off' }, tokyo.token)).status).toBe(404);
    const digest = await stack.api.put('/api/v1/me/notification-preferences/disclosure_disclosed', { mode: 'digest' }, tokyo.token);
    expect(digest.status).toBe(200);
    expect(digest.body).toContainEqual({ event: 'disclosure_disclosed', mode: 'digest', required: true });
    expect(
      (await stack.api.put('/api/v1/me/notification-preferences/disclosure_disclosed', { mode: 'immediate' }, tokyo.token)).status,
    ).toBe(200);
  });

  it('honours immediate, digest and off: a burst of comments is one email, the digest goes out once at 08:00 Tokyo time', async () => {
    const { api } = stack;
    expect((await api.put('/api/v1/me/notification-preferences/disclosure_comment', { mode: 'digest' }, tokyo.token)).status).toBe(200);
    expect((await api.put('/api/v1/me/notification-preferences/disclosure_comment', { mode: 'off' }, la.token)).status).toBe(200);
    const before = {
      tokyo: (await emailsTo(tokyo.email)).length,
      la: (await emailsTo(la.email)).length,
      member: (await emailsTo(member.email)).length,
    };

    for (const body of [
      'The corrected price list is attached.',
      'We also told the two customers.',
      'Both confirmed they have the new prices.',
    ]) {
      expect((await staffComment(body)).status).toBe(201);
    }
    const heldRows = await held(tenant.tenantId);
    expect(heldRows.filter((r) => r.user_id === member.userId).map((r) => r.kind)).toEqual(['burst', 'burst', 'burst']);
    expect(heldRows.filter((r) => r.user_id === tokyo.userId).map((r) => r.kind)).toEqual(['digest', 'digest', 'digest']);
    expect(heldRows.filter((r) => r.user_id === la.userId)).toEqual([]);

    // Two minutes on, the burst is still gathering; after three it goes out as one email.
    const now = Date.now();
    expect(await sweep(new Date(now + 2 * 60_000))).toEqual({ digests: 0, bursts: 0 });
    expect(await sweep(new Date(now + 4 * 60_000))).toEqual({ digests: 0, bursts: 1 });
    const burst = await waitForEmailAbout(member.email, `3 new comments on the disclosure for ${engagementName}`);
    expect(burst.text).toContain('The corrected price list is attached.');
    expect(burst.text).toContain('Both confirmed they have the new prices.');

    // The Tokyo reader's digest: not at 07:59, once at 08:00, not again at 08:05.
    const eight = nextTokyoEight(new Date());
    expect(await sweep(new Date(eight.getTime() - 60_000))).toEqual({ digests: 0, bursts: 0 });
    expect(await sweep(eight)).toEqual({ digests: 1, bursts: 0 });
    expect(await sweep(new Date(eight.getTime() + 5 * 60_000))).toEqual({ digests: 0, bursts: 0 });
    const digest = await waitForEmailAbout(tokyo.email, 'からの本日のまとめ：3 件のお知らせ');
    expect(digest.text.match(/の報告に新しいコメントがあります/g)).toHaveLength(3);
    // What waits for this client admin: the disclosure to acknowledge and the offer to answer.
    expect(digest.subject).toContain('対応待ち 2 件');
    expect(digest.text).toContain(`${engagementName} についての報告を読んで確認してください`);
    expect(digest.text).toContain(`${engagementName} についての提案に回答してください`);
    expect(await held(tenant.tenantId)).toEqual([]);
    expect((await stack.api.post(`/api/v1/disclosures/${disclosureId}/acknowledge`, {}, tokyo.token)).status).toBe(200);
    expect((await stack.api.post(`/api/v1/compensation-offers/${offerId}/decline`, { reason: 'Not needed.' }, tokyo.token)).status).toBe(
      200,
    );
    // Nothing held and nothing waiting, nothing sent: the next morning has no digest.
    expect(await sweep(new Date(eight.getTime() + 24 * 3_600_000))).toEqual({ digests: 0, bursts: 0 });

    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await emailsTo(member.email)).length).toBe(before.member + 1);
    expect((await emailsTo(tokyo.email)).length).toBe(before.tokyo + 1);
    expect((await emailsTo(la.email)).length).toBe(before.la);
  });

  it('turns off only its own event from the List-Unsubscribe POST (RFC 8058) and from the footer link', async () => {
    const { api } = stack;
    // The member's comment email carries both; a single comment goes out alone after the window.
    expect((await staffComment('One more thing: the invoice is corrected too.')).status).toBe(201);
    await sweep(new Date(Date.now() + 4 * 60_000));
    const email: SinkEmail = await waitForEmailWhere(member.email, 'with the invoice comment', (e) =>
      e.text.includes('the invoice is corrected too'),
    );
    expect(email.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    const header = /<([^>]+)>/.exec(email.headers['list-unsubscribe'] ?? '')?.[1];
    expect(header).toMatch(/^http:\/\/[^/]+\/api\/v1\/unsubscribe\?token=[\w-]+\.[\w-]+$/);
    const oneClick = new URL(`${new URL(header!).pathname}${new URL(header!).search}`, stack.api.baseUrl);
    const posted = await fetch(oneClick, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(posted.status).toBe(200);
    const afterPost = await preferences(member);
    expect(afterPost['disclosure_comment']).toBe('off');
    expect(Object.entries(afterPost).filter(([event, mode]) => event !== 'disclosure_comment' && mode !== 'immediate')).toEqual([]);

    // The Tokyo reader's offer email has the footer link (no login): it turns off offers only.
    const offerEmail = await waitForEmailWhere(tokyo.email, 'about the offer', (e) => e.subject.includes('€1,250.00'));
    const footer = /(http:\/\/[^/\s]+\/unsubscribe\?token=[\w.-]+)/.exec(offerEmail.text)?.[1];
    expect(footer).toBeDefined();
    const token = new URL(footer!).searchParams.get('token')!;
    const preview = await api.get(`/api/v1/unsubscribe?token=${token}`);
    expect(preview.body).toEqual({ event: 'offer_made', mode: 'immediate', tenantName: 'Fjord Assist', email: tokyo.email });
    expect((await api.post(`/api/v1/unsubscribe?token=${token}`, {})).body).toMatchObject({ event: 'offer_made', mode: 'off' });
    const tokyoPrefs = await preferences(tokyo);
    expect(tokyoPrefs).toMatchObject({ offer_made: 'off', disclosure_comment: 'digest', disclosure_disclosed: 'immediate' });

    // A link we did not sign, or one with its event changed, changes nothing.
    const [body, mac] = token.split('.');
    const forged = `${Buffer.from(
      JSON.parse(Buffer.from(body!, 'base64url').toString())
        .map((p: string) => (p === 'offer_made' ? 'offer_expiring' : p))
        .toString(),
    ).toString('base64url')}.${mac}`;
    expect((await api.post(`/api/v1/unsubscribe?token=${forged}`, {})).status).toBe(404);
    expect((await api.post('/api/v1/unsubscribe?token=not-a-token', {})).status).toBe(404);
    expect((await preferences(tokyo))['offer_expiring']).toBe('immediate');

    // Emails that must reach a client carry no unsubscribe at all.
    const disclosed = (await emailsTo(la.email)).find((e) => e.subject.includes('we made a mistake'))!;
    expect(disclosed.headers['list-unsubscribe']).toBeUndefined();
  });

  it('writes the invitation in the language the inviter chose, and the invitee picks a time zone', async () => {
    const { api } = stack;
    const email = uniqueEmail('norsk');
    expect((await api.post('/api/v1/invitations', { email, role: 'assistant', locale: 'nb' }, tenant.owner.token)).status).toBe(201);
    const [invitation] = await waitForEmails(email);
    expect(invitation!.subject).toContain('har invitert deg til Fjord Assist');
    expect(invitation!.html).toContain('lang="nb"');
    const { tenantId, token } = invitationLink(invitation!);
    const lookup = await api.get(`/api/v1/invitations/lookup?tenant=${tenantId}&token=${encodeURIComponent(token)}`);
    expect(lookup.body).toMatchObject({ locale: 'nb', tenantTimeZone: 'UTC' });
    const bad = await api.post('/api/v1/invitations/accept', {
      tenantId,
      token,
      displayName: 'Nora',
      password: 'correct horse battery staple',
      timeZone: 'Oslo',
    });
    expect(bad.status).toBe(400);
    const accepted = await api.post('/api/v1/invitations/accept', {
      tenantId,
      token,
      displayName: 'Nora',
      password: 'correct horse battery staple',
      timeZone: 'Europe/Oslo',
    });
    expect(accepted.status).toBe(200);
    expect((await api.get('/api/v1/me', accepted.body.accessToken)).body.user).toMatchObject({ locale: 'nb', timeZone: 'Europe/Oslo' });
  });
});
