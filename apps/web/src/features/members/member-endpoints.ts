/** The tenant's people. Types come from the generated schema. */
import { api, unwrap, unwrapVoid } from '../../lib/api/client';
import type { components, paths } from '../../lib/api/schema';

type Schemas = components['schemas'];

export type Member = Schemas['MemberResponse'];
export type MemberFilter = NonNullable<paths['/api/v1/members']['get']['parameters']['query']>;

export function listMembers(query: MemberFilter = {}) {
  return unwrap(api.GET('/api/v1/members', { params: { query } }));
}

const byUserId = (userId: string) => ({ params: { path: { userId } } });

/** The owner moves a member to another role (within team roles or within client roles). */
export function changeMemberRole(userId: string, role: Member['role']) {
  return unwrapVoid(api.PATCH('/api/v1/members/{userId}', { ...byUserId(userId), body: { role } }));
}

export function removeMember(userId: string) {
  return unwrapVoid(api.DELETE('/api/v1/members/{userId}', byUserId(userId)));
}
