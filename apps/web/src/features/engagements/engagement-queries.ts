import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  acceptConfidentiality,
  addRate,
  createEngagement,
  getEngagement,
  listEngagements,
  listRates,
  updateEngagement,
  type EngagementFilter,
  type EngagementInput,
  type EngagementPatch,
  type RateInput,
} from './engagement-endpoints';

export const engagementKeys = {
  all: ['engagements'] as const,
  list: (filter: EngagementFilter) => ['engagements', 'list', filter] as const,
  one: (id: string) => ['engagements', 'one', id] as const,
  rates: (id: string) => ['engagements', 'rates', id] as const,
};

export function useEngagements(filter: EngagementFilter = {}) {
  return useQuery({ queryKey: engagementKeys.list(filter), queryFn: () => listEngagements(filter) });
}

export function useEngagement(id: string) {
  return useQuery({ queryKey: engagementKeys.one(id), queryFn: () => getEngagement(id) });
}

export function useRates(id: string) {
  return useQuery({ queryKey: engagementKeys.rates(id), queryFn: () => listRates(id) });
}

export function useAcceptConfidentiality(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => acceptConfidentiality(id),
    onSuccess: (updated) => {
      queryClient.setQueryData(engagementKeys.one(id), updated);
      return queryClient.invalidateQueries({ queryKey: engagementKeys.all });
    },
  });
}

export function useCreateEngagement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: EngagementInput) => createEngagement(input),
    onSuccess: (created) => {
      queryClient.setQueryData(engagementKeys.one(created.id), created);
      return queryClient.invalidateQueries({ queryKey: engagementKeys.all });
    },
  });
}

export function useUpdateEngagement(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: EngagementPatch) => updateEngagement(id, patch),
    onSuccess: (updated) => {
      queryClient.setQueryData(engagementKeys.one(id), updated);
      return queryClient.invalidateQueries({ queryKey: engagementKeys.all });
    },
  });
}

/** A new rate changes the current one (when it starts today or earlier) and the history. */
export function useAddRate(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RateInput) => addRate(id, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: engagementKeys.all }),
  });
}
