import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  redeliverWebhook,
  rotateWebhookSecret,
  sendWebhookTest,
  updateWebhookEndpoint,
  type NewWebhookEndpoint,
  type WebhookEndpointPatch,
} from './webhooks-endpoints';

const ENDPOINTS_KEY = ['webhook-endpoints'] as const;
const deliveriesKey = (id: string) => ['webhook-endpoints', id, 'deliveries'] as const;

export function useWebhookEndpoints() {
  return useQuery({ queryKey: ENDPOINTS_KEY, queryFn: listWebhookEndpoints });
}

/** The log refreshes every few seconds while it is open: deliveries happen in the background. */
export function useWebhookDeliveries(id: string) {
  return useQuery({ queryKey: deliveriesKey(id), queryFn: () => listWebhookDeliveries(id), refetchInterval: 5000 });
}

/** Any change to endpoints: the list (and every open log) is read again. */
function useEndpointMutation<A, R>(mutationFn: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ENDPOINTS_KEY }) });
}

export const useCreateWebhookEndpoint = () => useEndpointMutation((body: NewWebhookEndpoint) => createWebhookEndpoint(body));
export const useUpdateWebhookEndpoint = () =>
  useEndpointMutation(({ id, patch }: { id: string; patch: WebhookEndpointPatch }) => updateWebhookEndpoint(id, patch));
export const useDeleteWebhookEndpoint = () => useEndpointMutation((id: string) => deleteWebhookEndpoint(id));
export const useRotateWebhookSecret = () => useEndpointMutation((id: string) => rotateWebhookSecret(id));
export const useSendWebhookTest = () => useEndpointMutation((id: string) => sendWebhookTest(id));
export const useRedeliverWebhook = () => useEndpointMutation((eventId: string) => redeliverWebhook(eventId));
