import type { AssistantTarget, ClientTarget } from './actors';
import type { HttpCall } from './load';

/** The five scenarios of the issue, as request makers that cycle through their targets. */
export type ScenarioName = 'list-work-logs' | 'week-totals' | 'list-disclosures' | 'create-work-log' | 'post-comment';
export const READS: ScenarioName[] = ['list-work-logs', 'week-totals', 'list-disclosures'];
export const WRITES: ScenarioName[] = ['create-work-log', 'post-comment'];

export const SCENARIO_TITLES: Record<ScenarioName, string> = {
  'list-work-logs': 'client_admin lists work logs (page of 50)',
  'week-totals': "client_admin reads an engagement's week totals",
  'list-disclosures': 'client_admin lists disclosures (page of 50)',
  'create-work-log': 'assistant creates a work log',
  'post-comment': 'client_admin comments on a disclosure',
};

const cycle = <T>(items: readonly T[]) => {
  let i = 0;
  return () => items[i++ % items.length]!;
};

/** Shared by every run (API and ceiling alike): each assistant logs 5-minute entries in its own free 6-minute slots of the last 30 days (no overlaps, never in the future). */
const slotBase = Math.floor((Date.now() - 30 * 86_400_000) / 60_000) * 60_000;
const usedSlots = new Map<string, number>();
function workLogSlot() {
  const base = slotBase;
  const used = usedSlots;
  return (a: AssistantTarget) => {
    const k = used.get(a.userId) ?? 0;
    used.set(a.userId, k + 1);
    const start = base + k * 6 * 60_000;
    return { startedAt: new Date(start).toISOString(), endedAt: new Date(start + 5 * 60_000).toISOString() };
  };
}

export function requestMaker(
  name: ScenarioName,
  clients: readonly ClientTarget[],
  assistants: readonly AssistantTarget[],
  limit = 50,
): () => HttpCall {
  const client = cycle(clients);
  switch (name) {
    case 'list-work-logs':
      return () => ({ method: 'GET', path: `/api/v1/work-logs?limit=${limit}`, token: client().token });
    case 'list-disclosures':
      return () => ({ method: 'GET', path: `/api/v1/disclosures?limit=${limit}`, token: client().token });
    case 'week-totals':
      return () => {
        const c = client();
        return { method: 'GET', path: `/api/v1/engagements/${c.engagementId}/timesheet?period=week&start=${c.weekStart}`, token: c.token };
      };
    case 'post-comment': {
      const commenters = cycle(clients.filter((c) => c.disclosureId));
      return () => {
        const c = commenters();
        return {
          method: 'POST',
          path: `/api/v1/disclosures/${c.disclosureId}/comments`,
          token: c.token,
          body: { body: 'Thank you for telling us so quickly; the new date works for us.' },
        };
      };
    }
    case 'create-work-log': {
      const assistant = cycle(assistants);
      const slot = workLogSlot();
      return () => {
        const a = assistant();
        return {
          method: 'POST',
          path: '/api/v1/work-logs',
          token: a.token,
          body: { engagementId: a.engagementId, ...slot(a), notes: 'Answered client emails and updated the shared calendar' },
        };
      };
    }
  }
}
