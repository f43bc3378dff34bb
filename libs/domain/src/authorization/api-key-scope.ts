/**
 * What an integration's API key may do, chosen when it is created:
 * - `read_only`: every read a manager may make;
 * - `time_entries`: reads, and writing work logs, timers and weeks;
 * - `disclosures`: reads, and writing disclosures, their offers and follow-ups;
 * - `full`: what a manager may do.
 * No key reaches the account and security routes (profile, sessions, two-factor), API key management,
 * or people's roles (members, invitations). The rules are in `defineAbilityFor`.
 */
export const API_KEY_SCOPES = ['read_only', 'time_entries', 'disclosures', 'full'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** The start of every key's secret; a bearer token with it is a key, never a session token. */
export const API_KEY_PREFIX = 'cnd_live_';
