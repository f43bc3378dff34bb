import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  answerOffer,
  commentOnDisclosure,
  getDisclosure,
  listDisclosures,
  makeOffer,
  settleFollowUp,
  takeStep,
  type CommentVisibility,
  type DisclosureFilter,
  type DisclosureStep,
  type FollowUpStep,
  type OfferInput,
  type OfferStep,
} from './disclosure-endpoints';

export const disclosureKeys = {
  all: ['disclosures'] as const,
  list: (filter: DisclosureFilter) => ['disclosures', 'list', filter] as const,
  one: (id: string) => ['disclosures', 'one', id] as const,
};

/** Everything a disclosure change can move: its page, every list, credits, the service record. */
function refreshDisclosures(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: disclosureKeys.all }),
    queryClient.invalidateQueries({ queryKey: ['credits'] }),
    queryClient.invalidateQueries({ queryKey: ['service-record'] }),
  ]);
}

export function useDisclosures(filter: DisclosureFilter = {}) {
  return useQuery({ queryKey: disclosureKeys.list(filter), queryFn: () => listDisclosures(filter) });
}

export function useDisclosure(id: string) {
  return useQuery({ queryKey: disclosureKeys.one(id), queryFn: () => getDisclosure(id) });
}

/** A lifecycle step, an offer answer, a follow-up or a comment: each reloads the disclosure after it. */
export function useDisclosureChange<T, R = unknown>(run: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => refreshDisclosures(queryClient) });
}

export const useStep = (id: string) => useDisclosureChange((step: DisclosureStep) => takeStep(id, step));
export const useOfferStep = () => useDisclosureChange(({ id, ...step }: OfferStep & { id: string }) => answerOffer(id, step));
export const useFollowUpStep = () => useDisclosureChange(({ id, ...step }: FollowUpStep & { id: string }) => settleFollowUp(id, step));
export const useMakeOffer = (id: string) => useDisclosureChange((input: OfferInput) => makeOffer(id, input));
export const useComment = (id: string) =>
  useDisclosureChange(({ body, visibility }: { body: string; visibility: CommentVisibility }) => commentOnDisclosure(id, body, visibility));
