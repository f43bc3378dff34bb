import { addMember, createClientAccount, createEngagement, signUpTenant, type TenantFixture } from '../support/factories';
import { withOwner } from '../support/owner-db';
import { startStack, type Stack } from '../support/stack';

/** What saving a draft can write, counted in one query: a refused request must leave every number as it was. */
const written = (tenantId: string): Promise<Record<string, number>> =>
  withOwner(async (db) => {
    const count = (table: string) => `(SELECT count(*)::int FROM ${table} WHERE tenant_id = $1) AS ${table}`;
    const tables = ['disclosures', 'disclosure_events', 'compensation_offers', 'notifications', 'audit_events'];
    return (await db.query(`SELECT ${tables.map(count).join(', ')}`, [tenantId])).rows[0];
  });

describe('saving a disclosure draft with its offer and next step (one request, one transaction)', () => {
  let stack: Stack;
  let tenant: TenantFixture;
  let assistant: { token: string; userId: string };
  let engagementId: string;
  const offer = { kind: 'credit', value: '25.00', currency: 'EUR', note: 'Off your next invoice' };

  const draft = (extra: Record<string, unknown>) =>
    stack.api.post(
      '/api/v1/disclosures',
      {
        engagementId,
        category: 'copy_error',
        severity: 'medium',
        occurredAt: '2026-11-20T09:00:00Z',
        discoveredAt: new Date(Date.now() - 3_600_000).toISOString(),
        whatHappened: 'We sent the newsletter to the full list instead of the VIP segment.',
        impact: 'About 2,000 customers got a code meant for 150 VIPs.',
        apology: 'We are sorry: we should have checked the list before sending.',
        ...extra,
      },
      assistant.token,
    );

  beforeAll(async () => {
    stack = await startStack();
    tenant = await signUpTenant(stack.api);
    const clientId = await createClientAccount(stack.api, tenant.owner.token);
    assistant = await addMember(stack.api, tenant.owner.token, 'assistant');
    engagementId = (await createEngagement(stack.api, tenant.owner.token, clientId, { assistantIds: [assistant.userId] })).id;
    const review = await stack.api.patch('/api/v1/tenant', { settings: { requireDisclosureReview: true } }, tenant.owner.token);
    expect(review.status).toBe(200);
  }, 180_000);
  afterAll(() => stack.close());

  it('writes the draft, its offer and the review step together', async () => {
    const created = await draft({ offer, then: 'submit_for_review' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'in_review',
      offers: [{ kind: 'credit', value: '25.00', currency: 'EUR', status: 'offered' }],
    });
  });

  it('writes nothing when the step after saving is refused (review required, the assistant discloses)', async () => {
    const before = await written(tenant.tenantId);
    const refused = await draft({ offer, then: 'disclose' });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('submit this draft for review');
    expect(await written(tenant.tenantId)).toEqual(before);
  });

  it('writes nothing when the offer does not fit its kind, and refuses an unknown step', async () => {
    const before = await written(tenant.tenantId);
    const badOffer = await draft({ offer: { kind: 'discount_next_project', value: '150' }, then: 'submit_for_review' });
    expect(badOffer.status).toBe(400);
    const badStep = await draft({ then: 'resolve' });
    expect(badStep.status).toBe(400);
    expect(JSON.stringify(badStep.body)).toContain('Then: this value is not one of the allowed choices.');
    expect(await written(tenant.tenantId)).toEqual(before);
  });

  it('takes back an edit and its offer when the step after it is refused', async () => {
    const saved = await draft({});
    expect(saved.status).toBe(201);
    const id = saved.body.id as string;
    const before = await written(tenant.tenantId);
    const refused = await stack.api.patch(
      `/api/v1/disclosures/${id}`,
      { impact: 'Smaller than we feared.', offer, then: 'disclose' },
      assistant.token,
    );
    expect(refused.status).toBe(403);
    expect(await written(tenant.tenantId)).toEqual(before);
    const after = await stack.api.get(`/api/v1/disclosures/${id}`, assistant.token);
    expect(after.body).toMatchObject({ status: 'draft', impact: 'About 2,000 customers got a code meant for 150 VIPs.', offers: [] });
  });
});
