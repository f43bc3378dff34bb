import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { addDomain, getPortal, getPortalAddress, removeDomain, verifyDomain } from './portal-address-endpoints';

const ADDRESS_KEY = ['portal-address'] as const;

/** The agency a login page belongs to; null where the address is nobody's (the plain sign-in page). */
export function usePortal(slug: string | undefined) {
  return useQuery({
    queryKey: ['portal', slug ?? null],
    queryFn: () => getPortal(slug),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function usePortalAddress() {
  return useQuery({ queryKey: ADDRESS_KEY, queryFn: getPortalAddress });
}

/** Adding, checking or removing a domain changes the whole overview (the address emails use too). */
function useDomainChange<T>(change: (value: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: change, onSuccess: () => queryClient.invalidateQueries({ queryKey: ADDRESS_KEY }) });
}

export const useAddDomain = () => useDomainChange(addDomain);
export const useVerifyDomain = () => useDomainChange(verifyDomain);
export const useRemoveDomain = () => useDomainChange(removeDomain);
