import type { Invitation } from '@candor/db';
import type { InvitationResponse } from './dto/invitation.response';

/** An invitation as its inviters see it: never the token or its hash. */
export function presentInvitation(row: Invitation): InvitationResponse {
  const { id, email, role, clientAccountId, expiresAt, acceptedAt, createdAt } = row;
  return { id, email, role, clientAccountId, expiresAt, acceptedAt, createdAt };
}
