import type { ReactNode } from 'react';
import { useMember } from '../../features/me/current-member';
import type { Role } from '@candor/domain';
import { NotFoundPage } from './not-found-page';

/** A page outside this member's role answers like an unknown address (the API would refuse it anyway). */
export function RoleGate({ allow, children }: { allow: (role: Role) => boolean; children: ReactNode }) {
  const { role } = useMember();
  return allow(role) ? children : <NotFoundPage />;
}
