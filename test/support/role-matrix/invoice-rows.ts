import { ALLOW, DENY, MANAGERS, type Ctx, type Row } from './matrix';

/** Owners and managers; a client_admin reads their account's; a client_member only where the tenant allows (not here). */
const READERS = { owner: ALLOW, manager: ALLOW, assistant: DENY, client_admin: ALLOW, client_member: DENY } as const;

/** A period with no time logged in the matrix (its weeks are in 2024): drafts there have no time lines. */
const PERIOD = { periodStart: '2019-01-01', periodEnd: '2019-01-31' };

/** A fresh invoice of the target's client account, taken by the owner up to `status`. */
async function invoiceAt(c: Ctx, status: 'draft' | 'issued'): Promise<string> {
  const draft = await c.api.post('/api/v1/invoices', { clientAccountId: c.clientId, ...PERIOD }, c.tokens.owner);
  if (draft.status !== 201) throw new Error(`arrange: ${draft.status} ${JSON.stringify(draft.body)}`);
  const id = draft.body.id as string;
  const line = { reason: 'Matrix line', add: [{ description: 'Setup', quantity: '1', unit: 'item', unitPrice: '100' }] };
  const edited = await c.api.patch(`/api/v1/invoices/${id}/lines`, line, c.tokens.owner);
  if (edited.status !== 200) throw new Error(`arrange lines: ${edited.status} ${JSON.stringify(edited.body)}`);
  if (status === 'issued') {
    const issued = await c.api.post(`/api/v1/invoices/${id}/issue`, {}, c.tokens.owner);
    if (issued.status !== 200) throw new Error(`arrange issue: ${issued.status} ${JSON.stringify(issued.body)}`);
  }
  return id;
}

/** Invoices and credit notes: only owners and managers draft and move them; the client's main contact reads them. */
export const INVOICE_ROWS: Row[] = [
  { name: 'GET /invoices', call: () => ({ method: 'GET', path: '/api/v1/invoices' }), expect: READERS },
  {
    name: 'GET /invoices/:own',
    call: async (c) => ({ method: 'GET', path: `/api/v1/invoices/${await invoiceAt(c, 'issued')}` }),
    expect: READERS,
  },
  {
    name: 'GET /invoices/:own/document',
    call: async (c) => ({ method: 'GET', path: `/api/v1/invoices/${await invoiceAt(c, 'issued')}/document` }),
    expect: READERS,
  },
  {
    name: 'GET /invoices/:own/pdf',
    call: async (c) => ({ method: 'GET', path: `/api/v1/invoices/${await invoiceAt(c, 'issued')}/pdf` }),
    expect: READERS,
  },
  {
    name: 'GET /invoices/export.csv',
    call: () => ({ method: 'GET', path: '/api/v1/invoices/export.csv?from=2019-01-01&to=2019-12-31' }),
    expect: MANAGERS,
  },
  {
    name: 'POST /invoices',
    call: (c) => ({ method: 'POST', path: '/api/v1/invoices', body: { clientAccountId: c.clientId, ...PERIOD } }),
    expect: MANAGERS,
  },
  {
    name: 'PATCH /invoices/:own/lines',
    call: async (c) => ({
      method: 'PATCH',
      path: `/api/v1/invoices/${await invoiceAt(c, 'draft')}/lines`,
      body: { reason: 'More work', add: [{ description: 'Extra', quantity: '2', unit: 'hour', unitPrice: '40' }] },
    }),
    expect: MANAGERS,
  },
  {
    name: 'DELETE /invoices/:own',
    call: async (c) => ({ method: 'DELETE', path: `/api/v1/invoices/${await invoiceAt(c, 'draft')}` }),
    expect: MANAGERS,
  },
  {
    name: 'POST /invoices/:own/issue',
    call: async (c) => ({ method: 'POST', path: `/api/v1/invoices/${await invoiceAt(c, 'draft')}/issue`, body: {} }),
    expect: MANAGERS,
  },
  {
    name: 'POST /invoices/:own/send',
    call: async (c) => ({ method: 'POST', path: `/api/v1/invoices/${await invoiceAt(c, 'issued')}/send`, body: {} }),
    expect: MANAGERS,
  },
  {
    name: 'POST /invoices/:own/void',
    call: async (c) => ({
      method: 'POST',
      path: `/api/v1/invoices/${await invoiceAt(c, 'issued')}/void`,
      body: { reason: 'Wrong client' },
    }),
    expect: MANAGERS,
  },
  {
    name: 'POST /invoices/:own/payments',
    call: async (c) => ({
      method: 'POST',
      path: `/api/v1/invoices/${await invoiceAt(c, 'issued')}/payments`,
      body: { date: new Date().toISOString().slice(0, 10), amount: '50', method: 'bank transfer' },
    }),
    expect: MANAGERS,
  },
  {
    name: 'POST /invoices/:own/credit-notes',
    call: async (c) => ({
      method: 'POST',
      path: `/api/v1/invoices/${await invoiceAt(c, 'issued')}/credit-notes`,
      body: { reason: 'Goodwill' },
    }),
    expect: MANAGERS,
  },
];
