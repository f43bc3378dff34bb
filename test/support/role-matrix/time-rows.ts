import { STAFF, EVERYONE, MANAGERS, CLIENT_ADMIN_ONLY, SHARERS, nextMonday, logDraft, submittedEntry, type Row } from './matrix';

/** Engagements, work logs, the timer, timesheet weeks, timesheets and their share links. */
export const TIME_ROWS: Row[] = [
  { name: 'GET /engagements', call: () => ({ method: 'GET', path: '/api/v1/engagements' }), expect: EVERYONE },
  { name: 'GET /engagements/:own', call: (c) => ({ method: 'GET', path: `/api/v1/engagements/${c.engagementId}` }), expect: EVERYONE },
  {
    name: 'POST /engagements',
    call: (c) => ({
      method: 'POST',
      path: '/api/v1/engagements',
      body: { clientAccountId: c.clientId, name: 'M', currency: 'EUR', hourlyRate: '40' },
    }),
    expect: MANAGERS,
  },
  {
    name: 'PATCH /engagements/:own',
    call: (c) => ({ method: 'PATCH', path: `/api/v1/engagements/${c.engagementId}`, body: { description: 'Matrix' } }),
    expect: MANAGERS,
  },
  {
    name: 'POST /engagements/:own/confidentiality/accept',
    call: (c) => ({ method: 'POST', path: `/api/v1/engagements/${c.engagementId}/confidentiality/accept`, body: {} }),
    expect: CLIENT_ADMIN_ONLY,
  },
  {
    name: 'GET /engagements/:own/rates',
    call: (c) => ({ method: 'GET', path: `/api/v1/engagements/${c.engagementId}/rates` }),
    expect: EVERYONE,
  },
  {
    name: 'POST /engagements/:own/rates',
    call: (c) => ({
      method: 'POST',
      path: `/api/v1/engagements/${c.engagementId}/rates`,
      body: { hourlyRate: '50', effectiveFrom: nextMonday() },
    }),
    expect: MANAGERS,
  },
  { name: 'GET /work-logs', call: () => ({ method: 'GET', path: '/api/v1/work-logs' }), expect: EVERYONE },
  { name: 'GET /work-logs/:own', call: (c) => ({ method: 'GET', path: `/api/v1/work-logs/${c.workLogId}` }), expect: EVERYONE },
  {
    name: 'POST /work-logs',
    call: (c) => {
      const day = nextMonday();
      return {
        method: 'POST',
        path: '/api/v1/work-logs',
        body: { engagementId: c.engagementId, startedAt: `${day}T10:00:00Z`, endedAt: `${day}T11:00:00Z`, notes: 'Matrix' },
      };
    },
    expect: STAFF,
  },
  {
    name: 'PATCH /work-logs/:own',
    call: (c) => ({
      method: 'PATCH',
      path: `/api/v1/work-logs/${c.workLogId}`,
      body: { notes: `Matrix ${Math.random()}`, reason: 'Clearer notes' },
    }),
    expect: STAFF,
  },
  {
    name: 'DELETE /work-logs/:own',
    call: async (c) => ({ method: 'DELETE', path: `/api/v1/work-logs/${await logDraft(c, 'assistant', nextMonday())}` }),
    expect: STAFF,
  },
  {
    name: 'POST /work-logs/:own/adjustments',
    call: (c) => ({
      method: 'POST',
      path: `/api/v1/work-logs/${c.lockedLogId}/adjustments`,
      body: { minutes: -1, notes: 'Matrix', reason: 'Matrix fix' },
    }),
    expect: STAFF,
  },
  {
    name: 'POST /work-logs/:own/dispute-reply',
    call: async (c) => ({
      method: 'POST',
      path: `/api/v1/work-logs/${(await submittedEntry(c, true)).workLogId}/dispute-reply`,
      body: { body: 'Checked: it is right' },
    }),
    expect: STAFF,
  },
  { name: 'GET /work-logs/:own/trail', call: (c) => ({ method: 'GET', path: `/api/v1/work-logs/${c.workLogId}/trail` }), expect: EVERYONE },
  {
    name: 'GET /work-logs/:own/comments',
    call: (c) => ({ method: 'GET', path: `/api/v1/work-logs/${c.workLogId}/comments` }),
    expect: EVERYONE,
  },
  {
    name: 'POST /work-logs/:own/comments',
    call: (c) => ({ method: 'POST', path: `/api/v1/work-logs/${c.workLogId}/comments`, body: { body: 'Matrix comment' } }),
    expect: EVERYONE,
  },
  { name: 'GET /timer', call: () => ({ method: 'GET', path: '/api/v1/timer' }), expect: STAFF },
  {
    name: 'POST /timer/start',
    call: (c) => ({ method: 'POST', path: '/api/v1/timer/start', body: { engagementId: c.engagementId } }),
    expect: STAFF,
  },
  { name: 'POST /timer/stop', call: () => ({ method: 'POST', path: '/api/v1/timer/stop', body: {} }), expect: STAFF },
  { name: 'GET /timesheet-weeks', call: () => ({ method: 'GET', path: '/api/v1/timesheet-weeks' }), expect: EVERYONE },
  { name: 'GET /timesheet-weeks/:own', call: (c) => ({ method: 'GET', path: `/api/v1/timesheet-weeks/${c.weekId}` }), expect: EVERYONE },
  {
    name: 'POST /timesheet-weeks',
    call: async (c, role) => {
      const monday = nextMonday();
      // An assistant cannot log time where they are not assigned: their submit then meets an engagement out of scope.
      if (role !== 'client_admin' && role !== 'client_member' && (role !== 'assistant' || c.target === 'assigned'))
        await logDraft(c, role, monday);
      return { method: 'POST', path: '/api/v1/timesheet-weeks', body: { engagementId: c.engagementId, weekStart: monday } };
    },
    expect: STAFF,
  },
  {
    name: 'POST /timesheet-weeks/:own/approve',
    call: async (c) => ({ method: 'POST', path: `/api/v1/timesheet-weeks/${(await submittedEntry(c)).weekId}/approve`, body: {} }),
    expect: CLIENT_ADMIN_ONLY,
  },
  {
    name: 'POST /timesheet-weeks/:own/dispute',
    call: async (c) => {
      const { workLogId, weekId } = await submittedEntry(c);
      return {
        method: 'POST',
        path: `/api/v1/timesheet-weeks/${weekId}/dispute`,
        body: { entries: [{ workLogId, comment: 'Why so long?' }] },
      };
    },
    expect: CLIENT_ADMIN_ONLY,
  },
  {
    name: 'GET /engagements/:own/timesheet',
    call: (c) => ({ method: 'GET', path: `/api/v1/engagements/${c.engagementId}/timesheet?period=month&start=2026-01-01` }),
    expect: EVERYONE,
  },
  {
    name: 'GET /engagements/:own/timesheet/csv',
    call: (c) => ({ method: 'GET', path: `/api/v1/engagements/${c.engagementId}/timesheet/csv?period=month&start=2026-01-01` }),
    expect: EVERYONE,
  },
  {
    name: 'GET /engagements/:own/timesheet/report',
    call: (c) => ({ method: 'GET', path: `/api/v1/engagements/${c.engagementId}/timesheet/report?period=month&start=2026-01-01` }),
    expect: EVERYONE,
  },
  {
    name: 'POST /engagements/:own/share-links',
    call: (c) => ({
      method: 'POST',
      path: `/api/v1/engagements/${c.engagementId}/share-links`,
      body: { period: 'month', start: '2026-01-01' },
    }),
    expect: SHARERS,
  },
  {
    name: 'GET /engagements/:own/share-links',
    call: (c) => ({ method: 'GET', path: `/api/v1/engagements/${c.engagementId}/share-links` }),
    expect: SHARERS,
  },
  {
    name: 'POST /share-links/:own/revoke',
    call: (c) => ({ method: 'POST', path: `/api/v1/share-links/${c.shareLinkId}/revoke`, body: {} }),
    expect: SHARERS,
  },
];
