/**
 * What went wrong with an API call, in a form the UI can put into the reader's language. The API
 * answers errors as { statusCode, message: string | string[], error, errors: [{ code, field?, message }] };
 * proxies and crashes may answer anything else. Only 4xx details are kept: server-side text is an
 * internal matter. The UI shows `problems` by their code (translated), never the API's English text
 * when it names internal fields.
 */

/** One problem the API found: a stable code, the input field it concerns, and its English message. */
export interface ApiProblem {
  code: string;
  field?: string;
  message: string;
}

/** The API's coded problems of a refusal (empty for other kinds of failure, or an uncoded body). */
export function errorProblems(body: unknown, status: number): ApiProblem[] {
  if (errorKind(status) !== 'rejected' || typeof body !== 'object' || body === null || !('errors' in body)) return [];
  const { errors } = body;
  if (!Array.isArray(errors)) return [];
  return errors.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { code, field, message } = item as Record<string, unknown>;
    if (typeof code !== 'string') return [];
    return [{ code, ...(typeof field === 'string' && { field }), message: typeof message === 'string' ? message : '' }];
  });
}

/**
 * True for a sentence a person can read as it is: no identifiers (camelCase or snake_case words such
 * as `whatHappened` or `client_member`) that only mean something to the code.
 */
export function isPlainSentence(text: string): boolean {
  return !/\b[a-z]+[A-Z][A-Za-z]*\b|\b[A-Za-z]+_[A-Za-z_]+\b/.test(text);
}

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
    const { message } = body;
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
  readonly problems: ApiProblem[];

  constructor(status: number, details: string[], options?: { cause?: unknown; problems?: ApiProblem[] }) {
    super(details.join(' ') || `API request failed with status ${status}`, { cause: options?.cause });
    this.name = 'ApiError';
    this.status = status;
    this.kind = errorKind(status);
    this.details = details;
    this.problems = options?.problems ?? [];
  }

  static fromResponse(status: number, body: unknown): ApiError {
    return new ApiError(status, errorDetails(body, status), { problems: errorProblems(body, status) });
  }
}

/**
 * The API's refusal split by the form field it names: validation messages start with the property
 * ("hourlyRate must be …", "workingAgreement.expectations must be …"). What names no known field stays
 * in `rest`, for the form's alert.
 */
export function detailsByField<F extends string>(
  details: readonly string[],
  fields: readonly F[],
): { byField: Partial<Record<F, string>>; rest: string[] } {
  const byField: Partial<Record<F, string>> = {};
  const rest: string[] = [];
  // Longest names first, so "hourlyRate" is not read as a message about "hourly".
  const ordered = [...fields].sort((a, b) => b.length - a.length);
  for (const message of details) {
    const head = /^[\w.]+/.exec(message)?.[0] ?? '';
    const field = ordered.find(
      (name) => head.toLowerCase() === name.toLowerCase() || head.toLowerCase().startsWith(`${name.toLowerCase()}.`),
    );
    if (field && byField[field] === undefined) byField[field] = message;
    else rest.push(message);
  }
  return { byField, rest };
}
