import { STAFF, EVERYONE, MANAGERS, CLIENT_ADMIN_ONLY, offerOn, retrospectiveOf, POLICY_BODY, type Row } from './matrix';

/** Compensation offers, follow-ups, remedy policies and the read models built on disclosures. */
export const OFFER_ROWS: Row[] = [
  {
    name: 'POST /compensation-offers/:own/accept',
    call: async (c) => ({ method: 'POST', path: `/api/v1/compensation-offers/${await offerOn(c)}/accept`, body: {} }),
    expect: CLIENT_ADMIN_ONLY,
  },
  {
    name: 'POST /compensation-offers/:own/decline',
    call: async (c) => ({
      method: 'POST',
      path: `/api/v1/compensation-offers/${await offerOn(c)}/decline`,
      body: { reason: 'Not needed' },
    }),
    expect: CLIENT_ADMIN_ONLY,
  },
  {
    name: 'POST /compensation-offers/:own/withdraw',
    call: async (c) => ({ method: 'POST', path: `/api/v1/compensation-offers/${await offerOn(c)}/withdraw`, body: {} }),
    expect: STAFF,
  },
  {
    name: 'POST /compensation-offers/:own/apply',
    call: async (c) => ({ method: 'POST', path: `/api/v1/compensation-offers/${await offerOn(c, true)}/apply`, body: {} }),
    expect: STAFF,
  },
  {
    name: 'POST /follow-ups/:own/complete',
    call: async (c) => ({
      method: 'POST',
      path: `/api/v1/follow-ups/${await retrospectiveOf(c)}/complete`,
      body: { outcome: 'Talked it through.' },
    }),
    expect: STAFF,
  },
  {
    name: 'POST /follow-ups/:own/skip',
    call: async (c) => ({ method: 'POST', path: `/api/v1/follow-ups/${await retrospectiveOf(c)}/skip`, body: { reason: 'Too small.' } }),
    expect: STAFF,
  },
  {
    name: 'GET /engagements/:engagementId/remedy-policies',
    call: (c) => ({ method: 'GET', path: `/api/v1/engagements/${c.engagementId}/remedy-policies` }),
    expect: EVERYONE,
  },
  {
    name: 'PUT /engagements/:engagementId/remedy-policies/:category',
    call: (c) => ({ method: 'PUT', path: `/api/v1/engagements/${c.engagementId}/remedy-policies/double_booking`, body: POLICY_BODY }),
    expect: MANAGERS,
  },
  {
    name: 'DELETE /engagements/:engagementId/remedy-policies/:category',
    call: async (c) => {
      await c.api.put(`/api/v1/engagements/${c.engagementId}/remedy-policies/data_handling`, POLICY_BODY, c.tokens.owner);
      return { method: 'DELETE', path: `/api/v1/engagements/${c.engagementId}/remedy-policies/data_handling` };
    },
    expect: MANAGERS,
  },
  {
    name: 'GET /client-accounts/:own/service-record',
    call: (c) => ({ method: 'GET', path: `/api/v1/client-accounts/${c.clientId}/service-record` }),
    expect: EVERYONE,
  },
  {
    name: 'GET /client-accounts/:own/credits',
    call: (c) => ({ method: 'GET', path: `/api/v1/client-accounts/${c.clientId}/credits` }),
    expect: EVERYONE,
  },
  { name: 'GET /disclosure-analytics', call: () => ({ method: 'GET', path: '/api/v1/disclosure-analytics' }), expect: MANAGERS },
  { name: 'GET /lessons', call: () => ({ method: 'GET', path: '/api/v1/lessons' }), expect: MANAGERS },
  { name: 'GET /follow-ups', call: () => ({ method: 'GET', path: '/api/v1/follow-ups?status=pending' }), expect: EVERYONE },
];
