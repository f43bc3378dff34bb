import { useSyncExternalStore } from 'react';
import { createSessionStore, SESSION_STORAGE_KEY, type Session, type StorageLike } from './session-store';

export type { Session, TokenPair } from './session-store';

function browserStorage(): StorageLike | null {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null;
  }
}

/** The app-wide session (tokens in localStorage). */
export const session = createSessionStore(browserStorage());

// Signing in or out in another tab updates this one too.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === null || event.key === SESSION_STORAGE_KEY) session.reload();
  });
}

export function useSession(): Session | null {
  return useSyncExternalStore(session.subscribe, session.get, session.get);
}
