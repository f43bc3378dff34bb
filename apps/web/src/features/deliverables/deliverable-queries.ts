import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  acceptRevisionRequest,
  approveDeliverable,
  createDeliverable,
  declineRevisionRequest,
  deliverVersion,
  getDeliverable,
  listDeliverables,
  requestDeliverableChanges,
  updateDeliverable,
  type Deliverable,
  type DeliverableFilter,
  type DeliverableInput,
  type DeliverablePatch,
  type StaffDeliverable,
  type VersionInput,
} from './deliverable-endpoints';

export const deliverableKeys = {
  all: ['deliverables'] as const,
  list: (filter: DeliverableFilter) => ['deliverables', 'list', filter] as const,
  one: (id: string) => ['deliverables', 'one', id] as const,
};

/** The staff shape carries the late-work bookkeeping; a client never receives it. */
export function isStaffDeliverable(deliverable: Deliverable): deliverable is StaffDeliverable {
  return 'lateAt' in deliverable;
}

export function useDeliverables(filter: DeliverableFilter = {}) {
  return useQuery({ queryKey: deliverableKeys.list(filter), queryFn: () => listDeliverables(filter) });
}

export function useDeliverable(id: string) {
  return useQuery({ queryKey: deliverableKeys.one(id), queryFn: () => getDeliverable(id), enabled: id !== '' });
}

/** Any change to a deliverable moves its page, every list, and the rounds of its engagement's others. */
function useDeliverableChange<T, R>(run: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => queryClient.invalidateQueries({ queryKey: deliverableKeys.all }) });
}

export const useCreateDeliverable = () => useDeliverableChange((input: DeliverableInput) => createDeliverable(input));
export const useUpdateDeliverable = (id: string) => useDeliverableChange((patch: DeliverablePatch) => updateDeliverable(id, patch));
export const useDeliverVersion = (id: string) => useDeliverableChange((input: VersionInput) => deliverVersion(id, input));
export const useApprove = (id: string) => useDeliverableChange(() => approveDeliverable(id));
export const useRequestChanges = (id: string) => useDeliverableChange((comment: string) => requestDeliverableChanges(id, comment));
export const useRevisionDecision = () =>
  useDeliverableChange(({ id, accept, reason }: { id: string; accept: boolean; reason?: string }) =>
    accept ? acceptRevisionRequest(id) : declineRevisionRequest(id, reason ?? ''),
  );
