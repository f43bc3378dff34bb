export interface InvolvedPerson {
  displayName: string;
  email: string;
}

export interface NamedPerson {
  field: string;
  words: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Scripts written without spaces between words: a name there is found as a plain substring. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

function pattern(words: string, caseSensitive: boolean): RegExp {
  const flags = caseSensitive ? 'u' : 'iu';
  if (UNSPACED.test(words)) return new RegExp(escape(words), flags);
  return new RegExp(`(?<![\\p{L}\\p{N}_@.])${escape(words)}(?![\\p{L}\\p{N}_])`, flags);
}

/**
 * The words that would identify a person: the email and the full name in any case, and each name part
 * of 3+ letters as written (so "Will" is caught but "we will fix it" is not).
 */
function identifyingWords(person: InvolvedPerson): { words: string; caseSensitive: boolean }[] {
  const name = person.displayName.trim();
  const parts = name.split(/\s+/u).filter((p) => [...p].length >= 3 && p !== name);
  return [
    ...[person.email.trim(), name].filter(Boolean).map((words) => ({ words, caseSensitive: false })),
    ...parts.map((words) => ({ words, caseSensitive: true })),
  ];
}

/**
 * Finds where client-facing text names someone involved in the error. Blameless by construction: the
 * client hears what "we" did, never which team member did it. Matching is on
 * whole words, so "Ada" is caught but "Adamant" is not
 * (in Chinese or Japanese, where words are not spaced, anywhere).
 */
export function findNamedPeople(fields: Record<string, string | null | undefined>, people: InvolvedPerson[]): NamedPerson[] {
  const found: NamedPerson[] = [];
  for (const [field, text] of Object.entries(fields)) {
    if (!text) continue;
    for (const person of people) {
      for (const { words, caseSensitive } of identifyingWords(person)) {
        const match = pattern(words, caseSensitive).exec(text);
        if (match) {
          found.push({ field, words: match[0] });
          break;
        }
      }
    }
  }
  return found;
}
