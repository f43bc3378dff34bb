import type { EntityManager } from 'typeorm';
import { insertLinkRows } from './link-rows';

function recorder() {
  const calls: [string, unknown[]][] = [];
  const manager = { query: (sql: string, params: unknown[]) => Promise.resolve(calls.push([sql, params])) } as unknown as EntityManager;
  return { calls, manager };
}

describe('insertLinkRows', () => {
  it('writes a multi-row VALUES list sharing the leading parameters, not an INSERT ... SELECT unnest', async () => {
    const { calls, manager } = recorder();
    await insertLinkRows(manager, 'engagement_assistants', ['tenant_id', 'engagement_id', 'user_id'], ['t', 'e'], ['u1', 'u2', 'u3']);
    expect(calls).toEqual([
      [
        'INSERT INTO engagement_assistants (tenant_id, engagement_id, user_id) VALUES ($1, $2, $3), ($1, $2, $4), ($1, $2, $5)',
        ['t', 'e', 'u1', 'u2', 'u3'],
      ],
    ]);
  });

  it('inserts nothing for no ids and refuses a column list that does not match', async () => {
    const { calls, manager } = recorder();
    await insertLinkRows(manager, 'disclosure_people', ['tenant_id', 'disclosure_id', 'user_id'], ['t', 'd'], []);
    expect(calls).toEqual([]);
    await expect(insertLinkRows(manager, 'disclosure_people', ['tenant_id', 'user_id'], ['t', 'd'], ['u'])).rejects.toThrow(
      'insertLinkRows needs one column per shared value plus the id column',
    );
  });
});
