import createClient, { type Middleware } from 'openapi-fetch';
import { session } from '../session';
import { ApiError } from './errors';
import type { paths } from './schema';

type ApiPath = keyof paths;

/** Endpoints that never take a bearer token (a stale token must not interfere with them). */
const PUBLIC_PATHS: ReadonlySet<ApiPath> = new Set<ApiPath>([
  '/api/v1/auth/login',
  '/api/v1/auth/refresh',
  '/api/v1/invitations/lookup',
  '/api/v1/invitations/accept',
  '/api/v1/auth/signup',
  '/api/v1/auth/confirm-email',
  '/api/v1/auth/password-reset',
  '/api/v1/auth/password-reset/confirm',
  '/api/v1/auth/email-change/confirm',
  '/api/v1/auth/magic-link',
  '/api/v1/auth/magic-link/redeem',
  '/api/v1/auth/magic-link/code',
  '/api/v1/auth/two-factor/setup',
  '/api/v1/auth/two-factor/verify',
]);

/** Endpoints where a 401 must not trigger a refresh-and-retry. */
const NO_RETRY_PATHS: ReadonlySet<ApiPath> = new Set<ApiPath>([...PUBLIC_PATHS, '/api/v1/auth/logout']);

/** Same origin: vite dev/preview proxy /api to the API. */
const bareClient = createClient<paths>({ baseUrl: '' });

let refreshInFlight: Promise<boolean> | null = null;

/**
 * Exchanges the refresh token for a new token pair. Concurrent callers share one request.
 * Resolves false (and signs out) when the API rejects the refresh token.
 */
export function refreshSession(): Promise<boolean> {
  refreshInFlight ??= (async () => {
    const current = session.get();
    if (!current) return false;
    try {
      const { data, response } = await bareClient.POST('/api/v1/auth/refresh', {
        body: { refreshToken: current.refreshToken },
      });
      if (response.ok && data) {
        session.set(data);
        return true;
      }
      session.clear();
      return false;
    } catch {
      // Network trouble: keep the tokens, the caller just sees its original 401.
      return false;
    }
  })().finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
}

/** Copies of outgoing requests (bodies are single-use), kept until their response arrives, for a retry after refresh. */
const retryableRequests = new Map<string, { request: Request; accessToken: string }>();

const authMiddleware: Middleware = {
  onRequest({ request, schemaPath, id }) {
    if (PUBLIC_PATHS.has(schemaPath as ApiPath)) return undefined;
    const current = session.get();
    if (!current) return undefined;
    request.headers.set('Authorization', `Bearer ${current.accessToken}`);
    if (!NO_RETRY_PATHS.has(schemaPath as ApiPath)) {
      retryableRequests.set(id, { request: request.clone(), accessToken: current.accessToken });
    }
    return request;
  },

  async onResponse({ response, id }) {
    const pending = retryableRequests.get(id);
    retryableRequests.delete(id);
    if (!pending || response.status !== 401) return undefined;

    // Another request may already have refreshed the tokens; otherwise refresh now (once).
    const tokenChanged = session.get()?.accessToken !== pending.accessToken;
    const refreshed = tokenChanged ? session.get() !== null : await refreshSession();
    const next = session.get();
    if (!refreshed || !next) return undefined;

    const retry = new Request(pending.request);
    retry.headers.set('Authorization', `Bearer ${next.accessToken}`);
    const retried = await fetch(retry);
    // Still unauthorized with fresh tokens: the session is no good.
    if (retried.status === 401) session.clear();
    return retried;
  },

  onError({ id }) {
    retryableRequests.delete(id);
  },
};

/** The typed API client used by every feature. */
export const api = createClient<paths>({ baseUrl: '' });
api.use(authMiddleware);

type ApiResult<T> = { data?: T; error?: unknown; response: Response };

/** Awaits an openapi-fetch call and returns its data, or throws an ApiError with displayable messages. */
export async function unwrap<T>(call: Promise<ApiResult<T>>): Promise<T> {
  let result: ApiResult<T>;
  try {
    result = await call;
  } catch (cause) {
    throw new ApiError(0, [], { cause });
  }
  if (!result.response.ok || result.data === undefined) {
    throw ApiError.fromResponse(result.response.status, result.error);
  }
  return result.data;
}

/** Like unwrap, for endpoints whose success has no body (e.g. 204). */
export async function unwrapVoid(call: Promise<ApiResult<unknown>>): Promise<void> {
  let result: ApiResult<unknown>;
  try {
    result = await call;
  } catch (cause) {
    throw new ApiError(0, [], { cause });
  }
  if (!result.response.ok) throw ApiError.fromResponse(result.response.status, result.error);
}

/** The path parameters of a route under `/{id}`. */
export const byId = (id: string) => ({ params: { path: { id } } });
