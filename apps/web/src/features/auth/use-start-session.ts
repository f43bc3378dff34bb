import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { TokenPairResponse } from './auth-endpoints';
import { session } from '../../lib/session';

/** After login or accepting an invitation: keep the tokens, forget any previous user's data, go to the portal. */
export function useStartSession() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return (tokens: TokenPairResponse, to = '/') => {
    queryClient.clear();
    session.set(tokens);
    void navigate(to, { replace: true });
  };
}
