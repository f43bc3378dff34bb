import { dataSourceOptions } from '@candor/db';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoWorld } from '@candor/demo-data';
import { DataSource } from 'typeorm';
import { readTestEnv } from '../setup/test-env';
import { withOwner } from '../support/owner-db';
import { startStack, type Stack } from '../support/stack';

/** Rows of the demo tenant per table: the seed is the row factories' biggest user, so a schema change shows here. */
const DEMO_TABLES = [
  'engagements',
  'work_logs',
  'timesheet_weeks',
  'disclosures',
  'disclosure_events',
  'compensation_offers',
  'follow_ups',
  'comments',
];
const counts = (tenantId: string) =>
  withOwner(async (db) => {
    const entries = [];
    for (const table of DEMO_TABLES) {
      entries.push([
        table,
        (await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [tenantId])).rows[0].n as number,
      ]);
    }
    return Object.fromEntries(entries) as Record<string, number>;
  });

describe('demo data (what `npm start` seeds)', () => {
  let stack: Stack;
  let dataSource: DataSource;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startStack({ worker: false });
    dataSource = await new DataSource(dataSourceOptions(readTestEnv().appUrl)).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await stack.close();
  });

  it('seeds the Northwind world under the runtime role, once, and every demo login signs in with the demo password', async () => {
    const { api } = stack;
    expect(await seedDemoWorld(dataSource)).toEqual([
      'seeded the Northwind Assistants workspace (Acme Bakery and five people)',
      expect.stringMatching(/^3 engagements and \d+ time entries$/),
      '4 disclosures for Acme Bakery (sign-off, resolved, closed, in review) and a remedy policy',
    ]);
    for (const demo of DEMO_USERS) {
      const login = await api.post('/api/v1/auth/login', { email: demo.email, password: DEMO_PASSWORD });
      expect(login.status).toBe(200);
      const me = await api.get('/api/v1/me', login.body.accessToken);
      expect(me.body).toMatchObject({ role: demo.role, tenant: { name: 'Northwind Assistants' } });
      tokens[demo.key] = login.body.accessToken;
    }
    const wrong = await api.post('/api/v1/auth/login', { email: DEMO_USERS[0].email, password: `${DEMO_PASSWORD}!` });
    expect(wrong.status).toBe(401);

    // A second run (every `npm start`) leaves the world as it is.
    const tenantId = (await api.get('/api/v1/me', tokens['owner'])).body.tenant.id as string;
    const before = await counts(tenantId);
    expect(before).toMatchObject({
      engagements: 3,
      timesheet_weeks: 5,
      disclosures: 4,
      disclosure_events: 27,
      compensation_offers: 2,
      follow_ups: 4,
      comments: 6,
    });
    expect(await seedDemoWorld(dataSource)).toEqual([
      'workspace already present',
      'engagements already present',
      'disclosures already present',
    ]);
    expect(await counts(tenantId)).toEqual(before);
  });

  it('reads back through the API as each audience should see it: staff everything, the client its own account without drafts', async () => {
    const { api } = stack;
    const staff = await api.get('/api/v1/disclosures', tokens['owner']);
    expect(staff.status).toBe(200);
    expect(staff.body.items.map((d: { status: string }) => d.status).sort()).toEqual([
      'closed',
      'in_review',
      'remedy_proposed',
      'resolved',
    ]);
    const client = await api.get('/api/v1/disclosures', tokens['clientAdmin']);
    expect(client.body.items.map((d: { status: string }) => d.status).sort()).toEqual(['closed', 'remedy_proposed', 'resolved']);

    const engagements = (await api.get('/api/v1/engagements', tokens['owner'])).body as { id: string; name: string }[];
    expect(engagements.map((e) => e.name).sort()).toEqual([
      'Client onboarding emails',
      'Inbox & calendar management',
      'Social media retainer',
    ]);
    const weeks = (await api.get('/api/v1/timesheet-weeks', tokens['clientAdmin'])).body as { status: string; totalHours: string }[];
    expect(weeks.map((w) => w.status).sort()).toEqual(['approved', 'approved', 'approved', 'submitted', 'submitted']);
    expect(weeks.every((w) => Number(w.totalHours) > 0)).toBe(true);

    // Fjord Design Studio's engagement is another client's: Acme's people get a 404.
    const fjord = engagements.find((e) => e.name === 'Client onboarding emails')!;
    expect((await api.get(`/api/v1/engagements/${fjord.id}`, tokens['clientMember'])).status).toBe(404);
    expect((await api.get(`/api/v1/engagements/${fjord.id}`, tokens['assistant'])).status).toBe(200);
  });
});
