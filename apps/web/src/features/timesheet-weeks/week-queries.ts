import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { approveWeek, disputeWeek, getWeek, listWeeks, type DisputedEntry, type WeekFilter } from './timesheet-week-endpoints';
import { getWorkLogComments, getWorkLogTrail, replyToDispute } from '../work-logs/work-log-endpoints';
import { refreshTime, timeKeys } from '../work-logs/time-queries';

const weekKey = (id: string) => [...timeKeys.weeks, 'one', id] as const;

export function useWeeks(filter: WeekFilter = {}) {
  return useQuery({ queryKey: [...timeKeys.weeks, 'list', filter], queryFn: () => listWeeks(filter) });
}

export function useWeek(id: string) {
  return useQuery({ queryKey: weekKey(id), queryFn: () => getWeek(id) });
}

export function useApproveWeek(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => approveWeek(id),
    onSuccess: (week) => {
      queryClient.setQueryData(weekKey(id), week);
      return refreshTime(queryClient);
    },
  });
}

export function useDisputeWeek(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (entries: DisputedEntry[]) => disputeWeek(id, entries),
    onSuccess: (week) => {
      queryClient.setQueryData(weekKey(id), week);
      return Promise.all([refreshTime(queryClient), queryClient.invalidateQueries({ queryKey: ['work-log-comments'] })]);
    },
  });
}

export function useReplyToDispute() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: string }) => replyToDispute(id, body),
    onSuccess: () => Promise.all([refreshTime(queryClient), queryClient.invalidateQueries({ queryKey: ['work-log-comments'] })]),
  });
}

/** An entry's edit trail and conversation, loaded when someone opens them. */
export function useEntryHistory(id: string, enabled: boolean) {
  const trail = useQuery({ queryKey: ['work-log-trail', id], queryFn: () => getWorkLogTrail(id), enabled });
  const comments = useQuery({ queryKey: ['work-log-comments', id], queryFn: () => getWorkLogComments(id), enabled });
  return { trail, comments };
}
