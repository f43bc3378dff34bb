import type { ApiProblem } from '../api';
import { isPlainSentence } from '../api';
import type en from './catalogs/en.json';

export type ApiErrorCode = keyof (typeof en)['apiErrors'];

// Codes that only say "refused" or "conflict": the API's own sentence says more, when it is plain.
const GENERIC = new Set(['bad_request', 'conflict', 'gone', 'unprocessable', 'method_not_allowed']);

/**
 * The catalog key for one API problem, or the API's own sentence when the code is generic and the
 * sentence names no internal identifier. Never a field name or role identifier.
 */
export function problemMessage(
  problem: ApiProblem,
  known: (code: string) => code is ApiErrorCode,
): { key: `apiErrors.${ApiErrorCode}` } | { text: string } {
  if (!GENERIC.has(problem.code) && known(problem.code)) return { key: `apiErrors.${problem.code}` };
  if (problem.message && isPlainSentence(problem.message)) return { text: problem.message };
  return { key: 'apiErrors.invalid' };
}

/** Whether a form field is the one a problem's field path is about (`settings.x` belongs to `settings`). */
export const concernsField = (problemField: string | undefined, name: string): boolean =>
  !!problemField && (problemField === name || problemField.startsWith(`${name}.`) || problemField.startsWith(`${name}[`));
