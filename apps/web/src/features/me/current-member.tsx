import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import { getMe, updateMe, type Me } from './me-endpoints';

export const ME_QUERY_KEY = ['me'] as const;

export function useMeQuery() {
  return useQuery({ queryKey: ME_QUERY_KEY, queryFn: getMe });
}

/** Keeps a language chosen in the app on the profile, so the next sign-in and the emails use it too. */
export function useSaveProfileLocale() {
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (locale: string) => updateMe({ locale }),
    onSuccess: (me) => queryClient.setQueryData(ME_QUERY_KEY, me),
  });
  return save.mutate;
}

const MemberContext = createContext<Me | null>(null);

/** Makes the signed-in member available to every screen of the shell, loaded once. */
export function MemberProvider({ member, children }: { member: Me; children: ReactNode }) {
  return <MemberContext value={member}>{children}</MemberContext>;
}

/** The signed-in member. Only screens inside the signed-in shell may ask. */
export function useMember(): Me {
  const member = useContext(MemberContext);
  if (!member) throw new Error('useMember() outside the signed-in shell');
  return member;
}
