/** The signed-in person: who they are in this workspace, and their own details. Types come from the generated schema. */
import { api, unwrap } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';

export function getMe() {
  return unwrap(api.GET('/api/v1/me'));
}

export type Me = Awaited<ReturnType<typeof getMe>>;
export type MePatch = components['schemas']['UpdateMeDto'];

export function updateMe(patch: MePatch) {
  return unwrap(api.PATCH('/api/v1/me', { body: patch }));
}
