import { SAMPLE } from '@candor/testing';
import { STAFF, EVERYONE, CLIENT_ADMIN_ONLY, CLIENTS, deliverableAt, billableRequest, type Row } from './matrix';

/** Deliverables, their versions and files, and revision requests. */
export const DELIVERABLE_ROWS: Row[] = [
  { name: 'GET /deliverables', call: () => ({ method: 'GET', path: '/api/v1/deliverables' }), expect: EVERYONE },
  {
    name: 'POST /deliverables',
    call: (c) => ({ method: 'POST', path: '/api/v1/deliverables', body: { engagementId: c.engagementId, title: 'Matrix report' } }),
    expect: STAFF,
  },
  { name: 'GET /deliverables/:own', call: (c) => ({ method: 'GET', path: `/api/v1/deliverables/${c.deliverableId}` }), expect: EVERYONE },
  {
    name: 'PATCH /deliverables/:own',
    call: (c) => ({ method: 'PATCH', path: `/api/v1/deliverables/${c.deliverableId}`, body: { description: 'Monthly.' } }),
    expect: STAFF,
  },
  {
    name: 'POST /deliverables/:own/versions',
    call: async (c) => {
      const created = await c.api.post('/api/v1/deliverables', { engagementId: c.engagementId, title: 'Matrix upload' }, c.tokens.owner);
      return {
        method: 'POST',
        path: `/api/v1/deliverables/${created.body.id}/versions`,
        upload: { fields: { changeSummary: 'Draft.' }, files: [SAMPLE.pdf()] },
      };
    },
    expect: STAFF,
  },
  {
    name: 'GET /deliverables/:own/files/:fileId',
    call: (c) => ({ method: 'GET', path: `/api/v1/deliverables/${c.deliverableId}/files/${c.fileId}` }),
    expect: EVERYONE,
  },
  {
    name: 'POST /deliverables/:own/approve',
    call: async (c) => ({ method: 'POST', path: `/api/v1/deliverables/${(await deliverableAt(c)).id}/approve`, body: {} }),
    expect: CLIENT_ADMIN_ONLY,
  },
  {
    name: 'POST /deliverables/:own/request-changes',
    call: async (c) => ({
      method: 'POST',
      path: `/api/v1/deliverables/${(await deliverableAt(c)).id}/request-changes`,
      body: { comment: 'Shorter.' },
    }),
    expect: CLIENTS,
  },
  {
    name: 'POST /revision-requests/:own/accept',
    call: async (c) => ({ method: 'POST', path: `/api/v1/revision-requests/${await billableRequest(c)}/accept`, body: {} }),
    expect: STAFF,
  },
  {
    name: 'POST /revision-requests/:own/decline',
    call: async (c) => ({
      method: 'POST',
      path: `/api/v1/revision-requests/${await billableRequest(c)}/decline`,
      body: { reason: 'Out of scope.' },
    }),
    expect: STAFF,
  },
];
