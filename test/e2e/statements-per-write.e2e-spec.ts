import pg from 'pg';
import { draftDisclosure, startDisclosureTeam, type DisclosureTeam } from '../support/disclosure-team';
import { withOwner } from '../support/owner-db';
import { startStack, type Stack } from '../support/stack';

/**
 * Issue 20: the statements one write sends to PostgreSQL, counted through pg's Client#query in this
 * process (as bench/src/query-counter.ts counts them in the API's): the tenant transaction from START
 * TRANSACTION (with the tenant's SET LOCAL) to COMMIT, the session check (its CALL in the opening) counted as a
 * statement of its own; the limits are the bench's (bench/src/report.ts STATEMENT_LIMITS), the session check
 * included. The stack that measures runs no worker, so nothing else in this process talks to the database while
 * a request is counted. Each write must still write everything it wrote before (rows checked below). The opening
 * and the session check ride in front of the first statement, so a write makes two round trips fewer than it
 * sends statements, and none outside its transaction.
 */
describe('statements per write', () => {
  let team: DisclosureTeam, stack: Stack;
  const sent: string[] = [];
  let counting = false;
  /** Round trips: pg queries sent, the opening and the first statement being one. */
  let trips = 0;
  const original = pg.Client.prototype.query;

  /** The statements `request` sent: outside the transaction (the session check) and inside it, START to COMMIT. */
  async function counted<T>(request: () => Promise<T>): Promise<{ response: T; outside: string[]; transaction: string[]; trips: number }> {
    sent.length = 0;
    trips = 0;
    counting = true;
    try {
      const response = await request();
      const statements = sent.map((s) => s.replace(/\s+/g, ' ').trim());
      const begin = statements.findIndex((s) => s.startsWith('START TRANSACTION'));
      const end = statements.lastIndexOf('COMMIT');
      return {
        response,
        outside: [...statements.slice(0, begin), ...statements.slice(end + 1)],
        transaction: statements.slice(begin, end + 1),
        trips,
      };
    } finally {
      counting = false;
    }
  }

  /** The list itself when there are more than `max`, so a failure shows what was sent. */
  const atMost = (statements: string[], max: number) =>
    statements.length <= max ? statements.length : statements.map((s, i) => `${i + 1}. ${s.slice(0, 140)}`).join('\n');

  const rows = (sql: string, params: unknown[]) => withOwner(async (db) => (await db.query(sql, params)).rows);

  beforeAll(async () => {
    team = await startDisclosureTeam();
    // The team's stack (with its worker) only set things up; the counted requests go to a stack without one.
    await team.stack.close();
    stack = await startStack({ worker: false });
    pg.Client.prototype.query = function query(this: pg.Client, ...args: unknown[]) {
      if (counting) {
        // The tenant transaction's opening rides in front of its first statement (libs/db OpenedQuery): one entry.
        const config = args[0] as string | { text?: string; opening?: readonly string[] };
        trips += 1;
        const opening = typeof config === 'string' ? [] : (config?.opening ?? []);
        const calls = opening.filter((statement) => statement.startsWith('CALL '));
        if (opening.length) sent.push(opening.filter((statement) => !calls.includes(statement)).join('; '), ...calls);
        sent.push(typeof config === 'string' ? config : (config?.text ?? ''));
      }
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
  }, 180_000);
  afterAll(async () => {
    pg.Client.prototype.query = original;
    await stack?.close();
  });

  it('creates a work log in at most 6 statements (session check included), with its audit row', async () => {
    const start = new Date(Date.now() - 2 * 3_600_000);
    start.setUTCMinutes(0, 0, 0);
    const body = {
      engagementId: team.engagementId,
      startedAt: start.toISOString(),
      endedAt: new Date(start.getTime() + 30 * 60_000).toISOString(),
      notes: 'Answered client emails',
    };
    const {
      response,
      outside,
      transaction,
      trips: roundTrips,
    } = await counted(() => stack.api.post('/api/v1/work-logs', body, team.assistant.token));
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      engagementId: team.engagementId,
      status: 'draft',
      notes: 'Answered client emails',
      hours: '0.50',
    });
    expect(outside).toEqual([]);
    expect(transaction[1]).toMatch(/^CALL auth_session_confirm\(/);
    expect(roundTrips).toBe(transaction.length - 2);
    expect(atMost([...outside, ...transaction], 6)).toBeLessThanOrEqual(6);
    const audit = await rows(`SELECT change FROM audit_events WHERE action = 'work_log.created' AND entity_id = $1`, [response.body.id]);
    expect(audit).toEqual([{ change: { after: body } }]);
  });

  it("posts a client's comment in at most 6 statements (session check included), its emails held for the team", async () => {
    const id = (await draftDisclosure(stack.api, team.engagementId, team.manager.token)).body.id as string;
    expect((await stack.api.post(`/api/v1/disclosures/${id}/disclose`, {}, team.manager.token)).status).toBe(200);
    const comment = { body: 'Thank you for telling us so quickly.' };
    const {
      response,
      outside,
      transaction,
      trips: roundTrips,
    } = await counted(() => stack.api.post(`/api/v1/disclosures/${id}/comments`, comment, team.clientAdmin.token));
    expect(response.status).toBe(201);
    expect(response.body.timeline).toContainEqual(expect.objectContaining({ type: 'comment', body: comment.body }));
    expect(outside).toEqual([]);
    expect(transaction[1]).toMatch(/^CALL auth_session_confirm\(/);
    expect(roundTrips).toBe(transaction.length - 2);
    expect(atMost([...outside, ...transaction], 6)).toBeLessThanOrEqual(6);
    // The author (the manager) and the owner, each a comment burst on the thread; never the commenter.
    const held = await rows(`SELECT user_id FROM held_notifications WHERE template = 'disclosure_comment' AND thread_key LIKE $1`, [
      `%/disclosures/${id}`,
    ]);
    expect(held.map((r: { user_id: string }) => r.user_id)).toContain(team.manager.userId);
    expect(held).toHaveLength(2);
  });

  it('discloses a draft in at most 10 statements (session check included), with its event, audit row and emails', async () => {
    const id = (await draftDisclosure(stack.api, team.engagementId, team.manager.token)).body.id as string;
    const offer = { kind: 'credit', value: '25.00', currency: 'EUR', note: 'Off your next invoice' };
    expect((await stack.api.post(`/api/v1/disclosures/${id}/offers`, offer, team.manager.token)).status).toBe(201);
    const {
      response,
      outside,
      transaction,
      trips: roundTrips,
    } = await counted(() => stack.api.post(`/api/v1/disclosures/${id}/disclose`, {}, team.tenant.owner.token));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'disclosed', offers: [{ ...offer, status: 'offered' }] });
    expect(outside).toEqual([]);
    expect(transaction[1]).toMatch(/^CALL auth_session_confirm\(/);
    expect(roundTrips).toBe(transaction.length - 2);
    expect(atMost([...outside, ...transaction], 10)).toBeLessThanOrEqual(10);
    const written = await rows(
      `SELECT (SELECT count(*)::int FROM disclosure_events WHERE disclosure_id = $1 AND action = 'disclosed') AS events,
              (SELECT count(*)::int FROM audit_events WHERE entity_id = $1 AND action = 'disclosure.disclosed') AS audits,
              (SELECT count(*)::int FROM notifications WHERE template = 'disclosure_disclosed' AND payload->>'url' LIKE '%' || $1) AS disclosed,
              (SELECT count(*)::int FROM notifications WHERE template = 'offer_made' AND payload->>'url' LIKE '%' || $1) AS offers`,
      [id],
    );
    // The client admin and the client member hear of it; the client admin of the offer.
    expect(written).toEqual([{ events: 1, audits: 1, disclosed: 2, offers: 1 }]);
  });
});
