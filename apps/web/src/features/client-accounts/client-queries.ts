import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createClientAccount,
  getClientAccount,
  listClientAccounts,
  updateClientAccount,
  type ClientAccountInput,
  type ClientAccountPatch,
} from './client-account-endpoints';

export const clientKeys = {
  all: ['client-accounts'] as const,
  one: (id: string) => ['client-accounts', id] as const,
};

export function useClientAccounts() {
  return useQuery({ queryKey: clientKeys.all, queryFn: listClientAccounts });
}

export function useClientAccount(id: string) {
  return useQuery({ queryKey: clientKeys.one(id), queryFn: () => getClientAccount(id) });
}

export function useCreateClientAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ClientAccountInput) => createClientAccount(input),
    onSuccess: (created) => {
      queryClient.setQueryData(clientKeys.one(created.id), created);
      return queryClient.invalidateQueries({ queryKey: clientKeys.all, exact: true });
    },
  });
}

export function useUpdateClientAccount(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: ClientAccountPatch) => updateClientAccount(id, patch),
    onSuccess: (updated) => {
      queryClient.setQueryData(clientKeys.one(id), updated);
      return queryClient.invalidateQueries({ queryKey: clientKeys.all, exact: true });
    },
  });
}
