import { STAFF, EVERYONE, MANAGERS, CLIENT_ADMIN_ONLY, CLIENTS, disclosureAt, type Row } from './matrix';

/** Disclosures and each step of their lifecycle. */
export const DISCLOSURE_ROWS: Row[] = [
  { name: 'GET /disclosures', call: () => ({ method: 'GET', path: '/api/v1/disclosures' }), expect: EVERYONE },
  {
    name: 'POST /disclosures',
    call: (c) => ({
      method: 'POST',
      path: '/api/v1/disclosures',
      body: {
        engagementId: c.engagementId,
        category: 'other',
        severity: 'low',
        occurredAt: '2026-01-05T09:00:00Z',
        discoveredAt: '2026-01-05T10:00:00Z',
        whatHappened: 'A slip.',
      },
    }),
    expect: STAFF,
  },
  { name: 'GET /disclosures/:own', call: (c) => ({ method: 'GET', path: `/api/v1/disclosures/${c.disclosureId}` }), expect: EVERYONE },
  {
    name: 'PATCH /disclosures/:own',
    call: (c) => ({
      method: 'PATCH',
      path: `/api/v1/disclosures/${c.disclosureId}`,
      body: { lessonsLearned: 'Send reports the day before.' },
    }),
    expect: STAFF,
  },
  {
    name: 'POST /disclosures/:own/comments',
    call: (c) => ({ method: 'POST', path: `/api/v1/disclosures/${c.disclosureId}/comments`, body: { body: 'Noted.' } }),
    expect: EVERYONE,
  },
  {
    name: 'POST /disclosures/:own/offers',
    call: (c) => ({ method: 'POST', path: `/api/v1/disclosures/${c.disclosureId}/offers`, body: { kind: 'free_revision' } }),
    expect: STAFF,
  },
  {
    name: 'POST /disclosures/:own/submit-for-review',
    call: async (c) => ({ method: 'POST', path: `/api/v1/disclosures/${await disclosureAt(c, 'draft')}/submit-for-review`, body: {} }),
    expect: STAFF,
  },
  {
    name: 'POST /disclosures/:own/return-to-draft',
    call: async (c) => ({
      method: 'POST',
      path: `/api/v1/disclosures/${await disclosureAt(c, 'in_review')}/return-to-draft`,
      body: { note: 'Add the impact.' },
    }),
    expect: MANAGERS,
  },
  {
    name: 'POST /disclosures/:own/disclose',
    call: async (c) => ({ method: 'POST', path: `/api/v1/disclosures/${await disclosureAt(c, 'draft')}/disclose`, body: {} }),
    expect: STAFF,
  },
  {
    name: 'POST /disclosures/:own/acknowledge',
    call: async (c) => ({ method: 'POST', path: `/api/v1/disclosures/${await disclosureAt(c, 'disclosed')}/acknowledge`, body: {} }),
    expect: CLIENTS,
  },
  {
    name: 'POST /disclosures/:own/propose-remedy',
    call: async (c) => ({
      method: 'POST',
      path: `/api/v1/disclosures/${await disclosureAt(c, 'disclosed')}/propose-remedy`,
      body: { remedyPlan: 'We resend it today.', remedyDueAt: new Date(Date.now() + 86_400_000).toISOString() },
    }),
    expect: STAFF,
  },
  {
    name: 'POST /disclosures/:own/accept-remedy',
    call: async (c) => ({
      method: 'POST',
      path: `/api/v1/disclosures/${await disclosureAt(c, 'remedy_proposed')}/accept-remedy`,
      body: {},
    }),
    expect: CLIENT_ADMIN_ONLY,
  },
  {
    name: 'POST /disclosures/:own/request-remedy-changes',
    call: async (c) => ({
      method: 'POST',
      path: `/api/v1/disclosures/${await disclosureAt(c, 'remedy_proposed')}/request-remedy-changes`,
      body: { comment: 'Sooner, please.' },
    }),
    expect: CLIENT_ADMIN_ONLY,
  },
  {
    name: 'POST /disclosures/:own/start-remediation',
    call: async (c) => ({
      method: 'POST',
      path: `/api/v1/disclosures/${await disclosureAt(c, 'remedy_accepted')}/start-remediation`,
      body: {},
    }),
    expect: STAFF,
  },
  {
    name: 'POST /disclosures/:own/resolve',
    call: async (c) => ({
      method: 'POST',
      path: `/api/v1/disclosures/${await disclosureAt(c, 'in_remediation')}/resolve`,
      body: { resolutionSummary: 'Done.' },
    }),
    expect: STAFF,
  },
  {
    name: 'POST /disclosures/:own/close',
    call: async (c) => {
      const id = await disclosureAt(c, 'resolved');
      const found = await c.api.get(`/api/v1/disclosures/${id}`, c.tokens.owner);
      for (const f of found.body.followUps) await c.api.post(`/api/v1/follow-ups/${f.id}/skip`, { reason: 'Small slip' }, c.tokens.owner);
      return { method: 'POST', path: `/api/v1/disclosures/${id}/close`, body: {} };
    },
    expect: STAFF,
  },
  {
    name: 'POST /disclosures/:own/check-in',
    call: async (c) => ({
      method: 'POST',
      path: `/api/v1/disclosures/${await disclosureAt(c, 'resolved')}/check-in`,
      body: { resolved: true, rating: 4 },
    }),
    expect: CLIENTS,
  },
];
