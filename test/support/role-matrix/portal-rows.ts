import { randomUUID } from 'node:crypto';
import { OWNER_ONLY, type Ctx, type Row } from './matrix';

const hostname = () => `m-${randomUUID().slice(0, 8)}.matrix-agency.example`;

/** One pending domain per tenant for the rows that need one (a workspace holds at most five). */
const shared = new Map<string, Promise<string>>();
async function addDomain(c: Ctx): Promise<string> {
  const added = await c.api.post('/api/v1/domains', { hostname: hostname() }, c.tokens.owner);
  if (added.status !== 201) throw new Error(`arrange domain: ${added.status} ${JSON.stringify(added.body)}`);
  return added.body.id as string;
}
function sharedDomain(c: Ctx): Promise<string> {
  const id = shared.get(c.tenantId) ?? addDomain(c);
  shared.set(c.tenantId, id);
  return id;
}

/** The agency's portal address: its custom domains, the owner's alone. */
export const PORTAL_ROWS: Row[] = [
  { name: 'GET /domains', call: () => ({ method: 'GET', path: '/api/v1/domains' }), expect: OWNER_ONLY },
  { name: 'POST /domains', call: () => ({ method: 'POST', path: '/api/v1/domains', body: { hostname: hostname() } }), expect: OWNER_ONLY },
  {
    // No TXT record anywhere: the check answers 200 and the domain stays pending.
    name: 'POST /domains/:own/verify',
    call: async (c) => ({ method: 'POST', path: `/api/v1/domains/${await sharedDomain(c)}/verify` }),
    expect: OWNER_ONLY,
  },
  {
    // The owner removes a fresh one; the refused roles aim at the shared one, which stays.
    name: 'DELETE /domains/:own',
    call: async (c, role) => ({
      method: 'DELETE',
      path: `/api/v1/domains/${role === 'owner' ? await addDomain(c) : await sharedDomain(c)}`,
    }),
    expect: OWNER_ONLY,
  },
];
