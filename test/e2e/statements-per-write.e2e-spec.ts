import pg from 'pg';
import { draftDisclosure, startDisclosureTeam, type DisclosureTeam } from '../support/disclosure-team';
import { startStack, type Stack } from '../support/stack';

/**
 * Issue 20: the statements one write sends to PostgreSQL, counted through pg's Client#query in this
 * process (as bench/src/query-counter.ts does in the API's): the session check, START TRANSACTION with
 * the tenant's SET LOCAL, the request's own statements and COMMIT. The stack that measures runs no
 * worker, so nothing else in this process talks to the database while a request is counted.
 */
describe('statements per write', () => {
  let team: DisclosureTeam, stack: Stack;
  const sent: string[] = [];
  let counting = false;
  const original = pg.Client.prototype.query;

  /** The statements `request` sent, with the response it got. */
  async function counted<T>(request: () => Promise<T>): Promise<{ response: T; statements: string[] }> {
    sent.length = 0;
    counting = true;
    try {
      const response = await request();
      return { response, statements: [...sent] };
    } finally {
      counting = false;
    }
  }

  const show = (statements: string[]) => statements.map((s, i) => `${i + 1}. ${s.replace(/\s+/g, ' ').slice(0, 160)}`).join('\n');

  beforeAll(async () => {
    team = await startDisclosureTeam();
    // The team's stack (with its worker) only set things up; the counted requests go to a stack without one.
    await team.stack.close();
    stack = await startStack({ worker: false });
    pg.Client.prototype.query = function query(this: pg.Client, ...args: unknown[]) {
      if (counting) {
        const config = args[0] as string | { text?: string };
        sent.push(typeof config === 'string' ? config : (config?.text ?? ''));
      }
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
  }, 180_000);
  afterAll(async () => {
    pg.Client.prototype.query = original;
    await stack?.close();
  });

  it('creates a work log in 7 statements (session check, transaction of 5)', async () => {
    const start = new Date(Date.now() - 2 * 3_600_000);
    start.setUTCMinutes(0, 0, 0);
    const body = {
      engagementId: team.engagementId,
      startedAt: start.toISOString(),
      endedAt: new Date(start.getTime() + 30 * 60_000).toISOString(),
      notes: 'Answered client emails',
    };
    const { response, statements } = await counted(() => stack.api.post('/api/v1/work-logs', body, team.assistant.token));
    expect(response.status).toBe(201);
    expect(show(statements)).toBe(show(statements.slice(0, 7)));
  });

  it('posts a client comment on a disclosure in 7 statements', async () => {
    const id = (await draftDisclosure(stack.api, team.engagementId, team.manager.token)).body.id as string;
    expect((await stack.api.post(`/api/v1/disclosures/${id}/disclose`, {}, team.manager.token)).status).toBe(200);
    const { response, statements } = await counted(() =>
      stack.api.post(`/api/v1/disclosures/${id}/comments`, { body: 'Thank you for telling us so quickly.' }, team.clientAdmin.token),
    );
    expect(response.status).toBe(201);
    expect(show(statements)).toBe(show(statements.slice(0, 7)));
  });

  it('discloses a draft in 11 statements', async () => {
    const id = (await draftDisclosure(stack.api, team.engagementId, team.manager.token)).body.id as string;
    const { response, statements } = await counted(() => stack.api.post(`/api/v1/disclosures/${id}/disclose`, {}, team.tenant.owner.token));
    expect(response.status).toBe(200);
    expect(show(statements)).toBe(show(statements.slice(0, 11)));
  });
});
