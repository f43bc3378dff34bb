/**
 * Token storage for the signed-in session. Pure TypeScript (no DOM types needed beyond a Storage-like object),
 * so it can be unit-tested with a tiny in-memory storage.
 */

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Access token lifetime in seconds, as returned by the API. */
  expiresIn: number;
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds at which the access token expires (informational; the API remains the judge). */
  accessTokenExpiresAt: number;
}

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface SessionStore {
  /** Current session or null. Returns the same object until the session changes (safe for useSyncExternalStore). */
  get: () => Session | null;
  set(tokens: TokenPair): Session;
  clear(): void;
  /** Re-read the storage, e.g. after another tab signed in or out. */
  reload(): void;
  subscribe: (listener: () => void) => () => void;
}

export const SESSION_STORAGE_KEY = 'candor.session';

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** Parses what we stored earlier; anything malformed counts as "signed out". */
export function parseStoredSession(raw: string | null): Session | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return null;
    const { accessToken, refreshToken, accessTokenExpiresAt } = value as Record<string, unknown>;
    if (!isNonEmptyString(accessToken) || !isNonEmptyString(refreshToken)) return null;
    return {
      accessToken,
      refreshToken,
      accessTokenExpiresAt: typeof accessTokenExpiresAt === 'number' ? accessTokenExpiresAt : 0,
    };
  } catch {
    return null;
  }
}

export function createSessionStore(storage: StorageLike | null, now: () => number = Date.now): SessionStore {
  const listeners = new Set<() => void>();

  const read = (): Session | null => {
    try {
      return parseStoredSession(storage?.getItem(SESSION_STORAGE_KEY) ?? null);
    } catch {
      return null; // storage unavailable (privacy mode, quota, ...): behave as signed out
    }
  };

  let current = read();

  const emit = () => {
    for (const listener of [...listeners]) listener();
  };

  return {
    get: () => current,

    set(tokens) {
      if (!isNonEmptyString(tokens.accessToken) || !isNonEmptyString(tokens.refreshToken)) {
        throw new Error('Refusing to store an empty token');
      }
      const expiresInSeconds = Number.isFinite(tokens.expiresIn) ? tokens.expiresIn : 0;
      current = {
        accessToken: tokens.accessToken,
        refreshToken: tokens.refreshToken,
        accessTokenExpiresAt: now() + expiresInSeconds * 1000,
      };
      try {
        storage?.setItem(SESSION_STORAGE_KEY, JSON.stringify(current));
      } catch {
        // keep the in-memory session for this tab even if it cannot be persisted
      }
      emit();
      return current;
    },

    clear() {
      const hadSession = current !== null;
      current = null;
      try {
        storage?.removeItem(SESSION_STORAGE_KEY);
      } catch {
        // nothing more we can do
      }
      if (hadSession) emit();
    },

    reload() {
      const next = read();
      const same = next?.accessToken === current?.accessToken && next?.refreshToken === current?.refreshToken;
      if (same) return;
      current = next;
      emit();
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
