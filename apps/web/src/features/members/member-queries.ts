import { useQuery } from '@tanstack/react-query';
import { listMembers, type Member, type MemberFilter } from './member-endpoints';

export const memberKeys = {
  all: ['members'] as const,
  list: (filter: MemberFilter) => ['members', 'list', filter] as const,
};

export function useMembers(filter: MemberFilter = {}) {
  return useQuery({ queryKey: memberKeys.list(filter), queryFn: () => listMembers(filter), staleTime: 60_000 });
}

const STAFF: ReadonlySet<Member['role']> = new Set(['owner', 'manager', 'assistant']);

/** The agency's own people (who deliver work and may be named, internally, in a disclosure). */
export function staffOf(members: readonly Member[]): Member[] {
  return members.filter((member) => STAFF.has(member.role)).sort((a, b) => a.displayName.localeCompare(b.displayName));
}
