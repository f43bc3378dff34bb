import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { acceptConfidentiality, getEngagement, listEngagements, listRates, type EngagementFilter } from '../../lib/api';

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
