/**
 * What went wrong with an API call, in a form the UI can put into the reader's language. The API
 * answers errors as { statusCode, message: string | string[], error }; proxies and crashes may answer
 * anything else. Only 4xx details are kept: server-side text is an internal matter.
 */

export type ApiErrorKind = 'network' | 'server' | 'rate-limited' | 'rejected';

function cleanMessages(values: unknown[]): string[] {
  const out: string[] = [];
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const text = value.trim();
    if (!text) continue;
    const sentence = text.charAt(0).toUpperCase() + text.slice(1);
    if (!out.includes(sentence)) out.push(sentence);
  }
  return out;
}

export function errorKind(status: number): ApiErrorKind {
  if (status === 0) return 'network';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  return 'rejected';
}

/** The API's own explanation of a refused request (possibly empty); nothing for other kinds of failure. */
export function errorDetails(body: unknown, status: number): string[] {
  if (errorKind(status) !== 'rejected') return [];
  if (typeof body === 'object' && body !== null && 'message' in body) {
    const { message } = body as { message: unknown };
    return cleanMessages(Array.isArray(message) ? message : [message]);
  }
  // A short plain-text body (not an HTML error page) still says something useful.
  if (typeof body === 'string') {
    const text = body.trim();
    if (text && text.length <= 200 && !text.startsWith('<')) return cleanMessages([text]);
  }
  return [];
}

/** A failed API call: HTTP status (0 = no response), its kind, and the API's details for a refusal. */
export class ApiError extends Error {
  readonly status: number;
  readonly kind: ApiErrorKind;
  readonly details: string[];

  constructor(status: number, details: string[], options?: { cause?: unknown }) {
    super(details.join(' ') || `API request failed with status ${status}`, options);
    this.name = 'ApiError';
    this.status = status;
    this.kind = errorKind(status);
    this.details = details;
  }

  static fromResponse(status: number, body: unknown): ApiError {
    return new ApiError(status, errorDetails(body, status));
  }
}
