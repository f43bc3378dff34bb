/**
 * Turning API failures into messages a person can read. The API answers errors as
 * { statusCode, message: string | string[], error }; proxies and crashes may answer anything else.
 */

export const NETWORK_ERROR_MESSAGE = "We couldn't reach Candor. Check your connection and try again.";
export const SERVER_ERROR_MESSAGE = 'Something went wrong on our side. Please try again in a moment.';
export const RATE_LIMIT_MESSAGE = 'Too many attempts. Please wait a minute and try again.';

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

function fallbackFor(status: number): string {
  if (status === 0) return NETWORK_ERROR_MESSAGE;
  if (status === 429) return RATE_LIMIT_MESSAGE;
  if (status >= 500) return SERVER_ERROR_MESSAGE;
  return `The request failed (status ${status}). Please try again.`;
}

/**
 * Messages to show for an error response body. Never returns an empty list.
 * `status` is the HTTP status (0 when the request never got an answer).
 */
export function toErrorMessages(body: unknown, status: number): string[] {
  // Server errors are not the user's business (and their text is often an internal detail).
  if (status >= 500 || status === 0) return [fallbackFor(status)];

  if (typeof body === 'object' && body !== null && 'message' in body) {
    const { message } = body as { message: unknown };
    const messages = cleanMessages(Array.isArray(message) ? message : [message]);
    if (messages.length > 0) return messages;
  }

  // A short plain-text body (not an HTML error page) is still more useful than a generic message.
  if (typeof body === 'string') {
    const text = body.trim();
    if (text && text.length <= 200 && !text.startsWith('<')) return cleanMessages([text]);
  }

  return [fallbackFor(status)];
}

/** A failed API call: HTTP status (0 = no response) plus the messages to display. */
export class ApiError extends Error {
  readonly status: number;
  readonly messages: string[];

  constructor(status: number, messages: string[], options?: { cause?: unknown }) {
    super(messages.join(' '), options);
    this.name = 'ApiError';
    this.status = status;
    this.messages = messages;
  }

  static fromResponse(status: number, body: unknown): ApiError {
    return new ApiError(status, toErrorMessages(body, status));
  }
}

/** Messages for anything thrown by an API call (ApiError or an unexpected exception). */
export function errorMessages(error: unknown): string[] {
  if (error instanceof ApiError) return error.messages;
  return [NETWORK_ERROR_MESSAGE];
}
