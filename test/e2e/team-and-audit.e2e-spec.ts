import { addMember, createClientAccount, createEngagement, signUpTenant, type TenantFixture } from '../support/factories';
import { startStack, type Stack } from '../support/stack';

describe('team list and audit log', () => {
  let stack: Stack;
  let tenant: TenantFixture;
  let outsider: TenantFixture;
  let clientId: string;
  let otherClientId: string;
  let manager: { token: string; userId: string };
  let assistant: { token: string; userId: string };
  let clientAdmin: { token: string; userId: string };
  let otherClientAdmin: { token: string; userId: string };

  beforeAll(async () => {
    stack = await startStack();
    const { api } = stack;
    tenant = await signUpTenant(api);
    outsider = await signUpTenant(api);
    clientId = await createClientAccount(api, tenant.owner.token, 'Acme Bakery');
    otherClientId = await createClientAccount(api, tenant.owner.token, 'Other Client');
    manager = await addMember(api, tenant.owner.token, 'manager');
    assistant = await addMember(api, tenant.owner.token, 'assistant');
    clientAdmin = await addMember(api, tenant.owner.token, 'client_admin', clientId);
    otherClientAdmin = await addMember(api, tenant.owner.token, 'client_admin', otherClientId);
    await createEngagement(api, tenant.owner.token, clientId, { name: 'Audited work' });
  });
  afterAll(() => stack.close());

  it('lists the whole team to staff, and only their own account to a client user', async () => {
    const { api } = stack;
    const staffView = await api.get('/api/v1/members', assistant.token);
    expect(staffView.status).toBe(200);
    expect(staffView.body.map((m: { userId: string }) => m.userId)).toEqual(
      expect.arrayContaining([manager.userId, assistant.userId, clientAdmin.userId, otherClientAdmin.userId]),
    );
    expect(staffView.body.find((m: { userId: string }) => m.userId === clientAdmin.userId)).toMatchObject({
      role: 'client_admin',
      clientName: 'Acme Bakery',
    });
    const assistants = await api.get('/api/v1/members?role=assistant', manager.token);
    expect(assistants.body.map((m: { userId: string }) => m.userId)).toEqual([assistant.userId]);

    const clientView = await api.get(`/api/v1/members?clientAccountId=${otherClientId}`, clientAdmin.token);
    expect(clientView.body.map((m: { userId: string }) => m.userId)).toEqual([clientAdmin.userId]);
    expect((await api.get('/api/v1/members?role=boss', manager.token)).status).toBe(400);
    const foreign = await api.get('/api/v1/members', outsider.owner.token);
    expect(foreign.body.map((m: { userId: string }) => m.userId)).not.toContain(manager.userId);
  });

  it('shows owners and managers the audit log newest first, filtered and paged, and no one else', async () => {
    const { api } = stack;
    const first = await api.get('/api/v1/audit-events?limit=2', manager.token);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items[0].action).toBe('engagement.created');
    expect(first.body.items[0].actor).toMatchObject({ displayName: 'Olivia Owner' });
    const second = await api.get(`/api/v1/audit-events?limit=2&cursor=${first.body.nextCursor}`, manager.token);
    expect(second.body.items[0].id).not.toBe(first.body.items[1].id);
    expect(new Date(second.body.items[0].at).getTime()).toBeLessThanOrEqual(new Date(first.body.items[1].at).getTime());

    const engagementId = first.body.items[0].entityId;
    const filtered = await api.get(`/api/v1/audit-events?entityType=engagement&entityId=${engagementId}`, tenant.owner.token);
    expect(filtered.body.items.map((e: { action: string }) => e.action)).toEqual(['engagement.created']);
    expect((await api.get('/api/v1/audit-events?cursor=nonsense', manager.token)).status).toBe(400);
    expect((await api.get('/api/v1/audit-events?entityType=DROP TABLE', manager.token)).status).toBe(400);
    for (const token of [assistant.token, clientAdmin.token]) expect((await api.get('/api/v1/audit-events', token)).status).toBe(403);
    const foreign = await api.get(`/api/v1/audit-events?entityId=${engagementId}`, outsider.owner.token);
    expect(foreign.body.items).toEqual([]);
  });
});
