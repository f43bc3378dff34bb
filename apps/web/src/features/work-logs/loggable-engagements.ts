import { useMemo } from 'react';
import type { Engagement } from '../engagements/engagement-endpoints';
import { useEngagements } from '../engagements/engagement-queries';
import { useMember } from '../me/current-member';

/** Active engagements the member may log time on: an assistant only where assigned, managers anywhere. */
export function useLoggableEngagements() {
  const member = useMember();
  const query = useEngagements({ status: 'active' });
  const engagements = useMemo<Engagement[]>(
    () =>
      (query.data ?? []).filter(
        (engagement) => member.role !== 'assistant' || engagement.assistants.some((person) => person.id === member.user.id),
      ),
    [query.data, member],
  );
  return { query, engagements };
}
