import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  getNotificationPreferences,
  setNotificationPreference,
  type DeliveryMode,
  type NotificationPreference,
} from './notification-preference-endpoints';
import { updateMe, type MePatch } from './me-endpoints';
import { ME_QUERY_KEY } from './current-member';

const PREFERENCES_KEY = ['me', 'notification-preferences'] as const;

export function useNotificationPreferences() {
  return useQuery({ queryKey: PREFERENCES_KEY, queryFn: getNotificationPreferences });
}

export function useSetNotificationPreference() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ event, mode }: { event: string; mode: DeliveryMode }) => setNotificationPreference(event, mode),
    // The choice shows at once; the server's answer (or, on a refusal, a reload) settles it.
    onMutate: ({ event, mode }) =>
      queryClient.setQueryData<NotificationPreference[]>(PREFERENCES_KEY, (old) =>
        old?.map((p) => (p.event === event ? { ...p, mode } : p)),
      ),
    onSuccess: (preferences) => queryClient.setQueryData(PREFERENCES_KEY, preferences),
    onError: () => void queryClient.invalidateQueries({ queryKey: PREFERENCES_KEY }),
  });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (patch: MePatch) => updateMe(patch), onSuccess: (me) => queryClient.setQueryData(ME_QUERY_KEY, me) });
}
