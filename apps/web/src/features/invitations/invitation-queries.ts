import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createInvitation, listInvitations, type InvitationInput } from './invitation-endpoints';

const invitationKeys = { pending: ['invitations', 'pending'] as const };

export function usePendingInvitations() {
  return useQuery({ queryKey: invitationKeys.pending, queryFn: listInvitations });
}

export function useCreateInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InvitationInput) => createInvitation(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationKeys.pending }),
  });
}
