/**
 * What the API says in an error's `message`: plain English for a person. `field` and `code` keep the
 * machine-readable names; the text never carries a DTO property name (`whatHappened`), a role or state
 * identifier (`client_member`, `remedy_accepted`) or a class-validator constraint name.
 */

/** Codes whose own wording says all a person needs; the validator's text would list identifiers. */
const FIXED: Record<string, string> = {
  unknown_field: 'This field is not expected here.',
  not_allowed_value: 'This value is not one of the allowed choices.',
  not_list: 'This field must be a list.',
  not_boolean: 'This field must be true or false.',
  invalid_time_zone: 'This is not a known time zone, such as Europe/Berlin.',
};

/** Words for the identifiers a person may still meet in a sentence, where splitting the name reads badly. */
const LABELS: Record<string, string> = {
  dueAt: 'the due date',
  remedyDueAt: 'the remedy due date',
  remedyPlan: 'the remedy plan',
  occurredAt: 'the time the error happened',
  discoveredAt: 'the time the error was found',
  expiresAt: 'the expiry date',
  currentPassword: 'the password you entered',
  startedAt: 'the start',
  endedAt: 'the end',
  nextCursor: 'next page link',
};

const CAMEL = /\b[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+\b/g;
const SNAKE = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g;

/** `remedyPlan` -> "remedy plan", `involvedUserIds` -> "involved users", `engagementId` -> "engagement". */
function words(identifier: string): string {
  const label = LABELS[identifier];
  if (label) return label;
  const parts = identifier.split(/(?=[A-Z])/).map((part) => part.toLowerCase());
  const last = parts[parts.length - 1];
  if (parts.length > 1 && last === 'id') parts.pop();
  else if (parts.length > 1 && last === 'ids') parts.splice(-2, 2, `${parts[parts.length - 2]}s`);
  return parts.join(' ');
}

/** Any sentence, made free of code identifiers and started with a capital letter. */
export function plainSentence(text: string): string {
  const plain = text
    .replace(CAMEL, words)
    .replace(SNAKE, (identifier) => identifier.replaceAll('_', ' '))
    .trim();
  return plain.charAt(0).toUpperCase() + plain.slice(1);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const period = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/**
 * One failed validation constraint in two sentences: `item` about "this field" (the error item names
 * the field), and `summary` naming the field in words for the top-level message. The validator's text
 * (ours or class-validator's, "<property> must ...") is kept, with the property name taken out.
 */
export function validationSentences(code: string, property: string, message: string): { item: string; summary: string } {
  const named = new RegExp(`^(each value in )?(nested property )?${escape(property)}\\s+`).exec(message);
  const fixed = FIXED[code];
  const subject = /^\d+$/.test(property) ? 'this item' : words(property);
  if (fixed) return { item: fixed, summary: plainSentence(`${subject}: ${fixed.charAt(0).toLowerCase()}${fixed.slice(1)}`) };
  // A sentence of its own ("A discount is a whole percent from 1 to 100"): kept as it is.
  if (!named) return { item: plainSentence(period(message)), summary: plainSentence(period(message)) };
  const rest = period(message.slice(named[0].length));
  return {
    item: plainSentence(`${named[1] ? 'Each value in this field' : 'This field'} ${rest}`),
    summary: plainSentence(`${named[1] ? `each value in ${subject}` : subject} ${rest}`),
  };
}

/** The top-level sentence for an error item about "this field": the field named in words instead. */
export function summaryOf(item: { field?: string; message: string }): string {
  const property = item.field
    ?.split(/[.[\]]/)
    .filter(Boolean)
    .pop();
  if (!property || !/^This (field|value)\b/.test(item.message)) return item.message;
  return plainSentence(item.message.replace(/^This (field|value)/, /^\d+$/.test(property) ? 'this item' : words(property)));
}
