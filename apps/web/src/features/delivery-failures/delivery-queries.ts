import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import type { components, paths } from '../../lib/api/schema';
import { canManageClients, type Role } from '@candor/domain';

export type DeliveryFailure = components['schemas']['DeliveryFailureResponse'];
export type DeliveryFilter = NonNullable<paths['/api/v1/delivery-failures']['get']['parameters']['query']>;
export type DeliveryState = NonNullable<DeliveryFilter['state']>;
export type BouncedRecipient = components['schemas']['BouncedRecipientResponse'];

const PAGE = 50;
const keys = {
  all: ['delivery-failures'] as const,
  list: (state: DeliveryState | null) => ['delivery-failures', 'list', state] as const,
  bounced: ['delivery-failures', 'bounced'] as const,
};

export function useDeliveryFailures(state: DeliveryState | null) {
  return useInfiniteQuery({
    queryKey: keys.list(state),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/delivery-failures', {
          params: { query: { limit: PAGE, ...(state ? { state } : {}), ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    // A row being retried changes on its own; keep the page current while someone watches it.
    refetchInterval: 15_000,
  });
}

export function useSendAgain() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/delivery-failures/{id}/send-again', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

/** Addresses that bounced; only owners and managers may ask, so for others this stays empty. */
export function useBouncedRecipients(role: Role) {
  return useQuery({
    queryKey: keys.bounced,
    queryFn: () => unwrap(api.GET('/api/v1/delivery-failures/bounced')),
    enabled: canManageClients(role),
    staleTime: 60_000,
  });
}

/** The bounce of an address (compared case-insensitively), if any. */
export function bounceOf(bounced: readonly BouncedRecipient[] | undefined, email: string | null | undefined): BouncedRecipient | undefined {
  if (!email || !bounced) return undefined;
  const wanted = email.toLowerCase();
  return bounced.find((b) => b.email.toLowerCase() === wanted);
}

/** The email kinds a reader recognises, from the template name (`disclosure_remedy_proposed` is a disclosure's). */
export const EVENT_KINDS = ['invitation', 'week', 'timer', 'retainer', 'disclosure', 'offer', 'follow_up', 'deliverable'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export function eventKind(event: string): EventKind | null {
  return EVENT_KINDS.find((kind) => event === kind || event.startsWith(`${kind}_`) || event.startsWith(`${kind}.`)) ?? null;
}
