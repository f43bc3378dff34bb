import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getTenant, updateTenant, type TenantPatch } from './tenant-endpoints';

const TENANT_KEY = ['tenant'] as const;

export function useTenant() {
  return useQuery({ queryKey: TENANT_KEY, queryFn: getTenant, staleTime: 60_000 });
}

export function useUpdateTenant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: TenantPatch) => updateTenant(patch),
    onSuccess: (tenant) => queryClient.setQueryData(TENANT_KEY, tenant),
  });
}
