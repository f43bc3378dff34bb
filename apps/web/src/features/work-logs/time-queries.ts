import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  createWorkLog,
  deleteWorkLog,
  getTimer,
  listWorkLogs,
  startTimer,
  stopTimer,
  updateWorkLog,
  type StartTimerInput,
  type WorkLogFilter,
  type WorkLogInput,
  type WorkLogPatch,
} from './work-log-endpoints';
import { submitWeek } from '../timesheet-weeks/timesheet-week-endpoints';
import { engagementKeys } from '../engagements/engagement-queries';

export const timeKeys = {
  timer: ['timer'] as const,
  workLogs: ['work-logs'] as const,
  workLogList: (filter: WorkLogFilter) => ['work-logs', filter] as const,
  weeks: ['timesheet-weeks'] as const,
};

/** Logged time moves totals everywhere: entries, weeks, retainer usage on the engagement. */
export function refreshTime(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: timeKeys.workLogs }),
    queryClient.invalidateQueries({ queryKey: timeKeys.weeks }),
    queryClient.invalidateQueries({ queryKey: engagementKeys.all }),
  ]);
}

/** The running timer, read from the API: it survives a reload, another tab, another device. */
export function useTimer(enabled: boolean) {
  return useQuery({ queryKey: timeKeys.timer, queryFn: getTimer, enabled, staleTime: 60_000, refetchOnWindowFocus: true });
}

export function useStartTimer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: StartTimerInput) => startTimer(input),
    onSuccess: (started) => {
      queryClient.setQueryData(timeKeys.timer, { timer: started.timer });
      return refreshTime(queryClient);
    },
  });
}

export function useStopTimer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (keepShort: boolean) => stopTimer(keepShort),
    onSuccess: () => {
      queryClient.setQueryData(timeKeys.timer, { timer: null });
      return refreshTime(queryClient);
    },
  });
}

export function useWorkLogs(filter: WorkLogFilter, enabled = true) {
  return useQuery({ queryKey: timeKeys.workLogList(filter), queryFn: () => listWorkLogs(filter), enabled });
}

export function useCreateWorkLog() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (input: WorkLogInput) => createWorkLog(input), onSuccess: () => refreshTime(queryClient) });
}

export function useUpdateWorkLog() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: WorkLogPatch }) => updateWorkLog(id, patch),
    onSuccess: () => refreshTime(queryClient),
  });
}

export function useDeleteWorkLog() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteWorkLog(id),
    onSuccess: () => Promise.all([refreshTime(queryClient), queryClient.invalidateQueries({ queryKey: timeKeys.timer })]),
  });
}

export function useSubmitWeek() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ engagementId, weekStart }: { engagementId: string; weekStart: string }) => submitWeek(engagementId, weekStart),
    onSuccess: () => refreshTime(queryClient),
  });
}
