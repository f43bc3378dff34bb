import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getNotificationPreferences, setNotificationPreference, updateMe, type DeliveryMode, type MePatch } from '../../lib/api';
import { ME_QUERY_KEY } from '../me/current-member';

const PREFERENCES_KEY = ['me', 'notification-preferences'] as const;

export function useNotificationPreferences() {
  return useQuery({ queryKey: PREFERENCES_KEY, queryFn: getNotificationPreferences });
}

export function useSetNotificationPreference() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ event, mode }: { event: string; mode: DeliveryMode }) => setNotificationPreference(event, mode),
    onSuccess: (preferences) => queryClient.setQueryData(PREFERENCES_KEY, preferences),
  });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (patch: MePatch) => updateMe(patch), onSuccess: (me) => queryClient.setQueryData(ME_QUERY_KEY, me) });
}
