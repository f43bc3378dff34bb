import {
  addMember,
  createClientAccount,
  createEngagement,
  createWorkLog,
  discloseNew,
  expectStatus,
  signUpTenant,
  submitWeek,
  type TenantFixture,
} from '../support/factories';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startStack, type Stack } from '../support/stack';

const WEEK = '2026-11-02';

/** Records, as Fastify registers them, the GET routes given a schema for their 200 answer. */
function recordSchemaRoutes(into: string[]): (app: NestFastifyApplication) => void {
  return (app) => {
    app
      .getHttpAdapter()
      .getInstance()
      .addHook('onRoute', (route) => {
        const methods = [route.method].flat();
        if (methods.includes('GET') && (route.schema?.response as Record<number, unknown> | undefined)?.[200]) into.push(route.url);
      });
  };
}

/**
 * The work-log page and the timesheet are written from their OpenAPI schemas (`@SerializedAs`, fast-json-stringify), which writes only
 * what a schema declares and coerces to its types. Each answer must be exactly what JSON.stringify writes of the
 * same object: compared with a second API on the same database built with RESPONSE_SCHEMAS=false.
 */
describe('answers written from response schemas', () => {
  let withSchemas: Stack, plain: Stack, tenant: TenantFixture, engagementId: string;
  let clientAdmin: { token: string }, assistant: { token: string; userId: string };
  const schemaRoutes = { withSchemas: [] as string[], plain: [] as string[] };

  beforeAll(async () => {
    withSchemas = await startStack({ beforeListen: recordSchemaRoutes(schemaRoutes.withSchemas) });
    plain = await startStack({ worker: false, env: { RESPONSE_SCHEMAS: 'false' }, beforeListen: recordSchemaRoutes(schemaRoutes.plain) });
    tenant = await signUpTenant(withSchemas.api);
    const { api } = withSchemas;
    const clientId = await createClientAccount(api, tenant.owner.token);
    assistant = await addMember(api, tenant.owner.token, 'assistant');
    clientAdmin = await addMember(api, tenant.owner.token, 'client_admin', clientId);
    engagementId = (
      await createEngagement(api, tenant.owner.token, clientId, { assistantIds: [assistant.userId], retainerHoursPerMonth: '10' })
    ).id;
    // Entries of every shape the page holds, in a handed-in week (a client sees no drafts): plain, not billable,
    // and time spent fixing our error (the client sees the team, no assistant).
    await createWorkLog(api, assistant.token, engagementId, { startedAt: '2026-11-03T09:00:00Z', endedAt: '2026-11-03T10:00:00Z' });
    await createWorkLog(api, assistant.token, engagementId, {
      startedAt: '2026-11-03T10:00:00Z',
      endedAt: '2026-11-03T10:30:00Z',
      billable: false,
    });
    const disclosureId = await discloseNew(api, tenant.owner.token, engagementId, {
      occurredAt: '2026-11-02T09:00:00Z',
      discoveredAt: '2026-11-02T12:00:00Z',
    });
    await expectStatus(
      'fix entry',
      api.post(
        '/api/v1/work-logs',
        {
          engagementId,
          disclosureId,
          startedAt: '2026-11-04T09:00:00Z',
          endedAt: '2026-11-04T10:00:00Z',
          notes: 'Sent the corrected list',
        },
        assistant.token,
      ),
      [201],
    );
    await submitWeek(api, assistant.token, engagementId, WEEK);
  });
  afterAll(async () => {
    await plain?.close();
    await withSchemas?.close();
  });

  const routes = () => [
    '/api/v1/work-logs?limit=50',
    '/api/v1/work-logs?limit=1',
    '/api/v1/disclosures',
    `/api/v1/engagements/${engagementId}/timesheet?period=week&start=${WEEK}`,
    `/api/v1/engagements/${engagementId}/timesheet?period=month&start=2026-11-01`,
  ];

  it.each(['owner', 'client_admin', 'assistant'])('writes for the %s exactly what JSON.stringify writes', async (who) => {
    const token = who === 'owner' ? tenant.owner.token : who === 'client_admin' ? clientAdmin.token : assistant.token;
    for (const path of routes()) {
      const [fast, slow] = await Promise.all([withSchemas.api.get(path, token), plain.api.get(path, token)]);
      expect({ path, status: fast.status }).toEqual({ path, status: 200 });
      expect(fast.body).toEqual(slow.body);
    }
  });

  it('compares a schema-written answer with a plain one: the schemas are on in one API only', () => {
    expect(schemaRoutes.withSchemas.sort()).toEqual(['/api/v1/engagements/:id/timesheet', '/api/v1/work-logs']);
    expect(schemaRoutes.plain).toEqual([]);
  });

  it('has something to compare: full pages, a fix entry the client sees as the team, a disclosure', async () => {
    const logs = (await withSchemas.api.get('/api/v1/work-logs', clientAdmin.token)).body;
    expect(logs.items).toHaveLength(3);
    expect(logs.items.filter((item: { assistant: unknown }) => item.assistant === null)).toHaveLength(1);
    expect(
      logs.items.find((item: { billable: boolean; disclosureId: string | null }) => !item.billable && !item.disclosureId),
    ).toMatchObject({
      amount: '0.00',
      hours: '0.50',
    });
    expect((await withSchemas.api.get('/api/v1/work-logs?limit=1', tenant.owner.token)).body.nextCursor).toEqual(expect.any(String));
    expect((await withSchemas.api.get('/api/v1/disclosures', clientAdmin.token)).body.items).toHaveLength(1);
  });
});
