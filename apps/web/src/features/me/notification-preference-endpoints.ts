/** The signed-in person's email choices, and the no-login unsubscribe link's two calls. Types come from the generated schema. */
import { api, unwrap } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';

export type NotificationPreference = components['schemas']['NotificationPreferenceResponse'];
export type DeliveryMode = NotificationPreference['mode'];

export function getNotificationPreferences() {
  return unwrap(api.GET('/api/v1/me/notification-preferences'));
}

export function setNotificationPreference(event: string, mode: DeliveryMode) {
  return unwrap(api.PUT('/api/v1/me/notification-preferences/{event}', { params: { path: { event } }, body: { mode } }));
}

export function lookupUnsubscribe(token: string) {
  return unwrap(api.GET('/api/v1/unsubscribe', { params: { query: { token } } }));
}

export function unsubscribe(token: string) {
  return unwrap(api.POST('/api/v1/unsubscribe', { params: { query: { token } } }));
}
