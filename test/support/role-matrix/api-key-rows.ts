import { MANAGERS, type Ctx, type Row } from './matrix';

/** A fresh key of the matrix's tenant, created by its owner, for a row to act on. */
async function freshKey(c: Ctx): Promise<string> {
  const created = await c.api.post('/api/v1/api-keys', { name: 'Matrix key', scope: 'read_only' }, c.tokens.owner);
  if (created.status !== 201) throw new Error(`arrange: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body.id;
}

/** Integrations' API keys: owners and managers list, create and revoke them; the keys' own rights are in api-keys.e2e-spec. */
export const API_KEY_ROWS: Row[] = [
  { name: 'GET /api-keys', call: () => ({ method: 'GET', path: '/api/v1/api-keys' }), expect: MANAGERS },
  {
    name: 'POST /api-keys',
    call: () => ({ method: 'POST', path: '/api/v1/api-keys', body: { name: 'Matrix sync', scope: 'time_entries' } }),
    expect: MANAGERS,
  },
  {
    name: 'DELETE /api-keys/:own',
    call: async (c) => ({ method: 'DELETE', path: `/api/v1/api-keys/${await freshKey(c)}` }),
    expect: MANAGERS,
  },
];
