/** What a failed send means for the notification: try again later, or never. */
export interface SendFailure {
  kind: 'temporary' | 'permanent';
  /** The SMTP server's reply when there is one, else the error; at most 1000 characters. */
  reason: string;
}

interface SmtpError {
  message?: string;
  code?: string;
  responseCode?: number;
  response?: string;
}

/**
 * SMTP's own rule (RFC 5321): a 5xx reply is permanent, a 4xx one temporary. Anything without a
 * reply (refused connection, timeout, dropped socket, DNS) is temporary: the server never said no.
 */
export function classifySendFailure(error: unknown): SendFailure {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as SmtpError;
  const code = typeof e.responseCode === 'number' ? e.responseCode : null;
  const reply = e.response?.trim();
  const reason = (reply || [e.code, e.message].filter(Boolean).join(': ') || 'unknown error').slice(0, 1000);
  return { kind: code !== null && code >= 500 && code < 600 ? 'permanent' : 'temporary', reason };
}

export interface RetryPolicy {
  windowMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * When to try a temporarily failed notification again: exponential backoff from the base delay,
 * capped, and never past the retry window that starts at the first attempt; null once the window is
 * spent (the notification then fails for good). `attempts` counts the attempt that just failed.
 */
export function nextAttemptAt(policy: RetryPolicy, attempts: number, firstAttemptAt: Date, now: Date, random = Math.random): Date | null {
  const windowEnd = firstAttemptAt.getTime() + policy.windowMs;
  if (now.getTime() >= windowEnd) return null;
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(Math.max(attempts - 1, 0), 30));
  // Up to 20 % less, so rows that failed together do not all return in the same instant.
  const delay = exponential * (1 - 0.2 * random());
  return new Date(Math.min(now.getTime() + delay, windowEnd));
}
