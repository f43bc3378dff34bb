/** What a compensation offer gives the client; the value's meaning depends on the kind. */
export const OFFER_KINDS = ['discount_next_project', 'free_hours', 'deadline_extension', 'credit', 'refund', 'free_revision'] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];

export const OFFER_STATUSES = ['offered', 'accepted', 'declined', 'withdrawn', 'expired', 'applied'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

const DECIMAL = /^\d{1,12}(\.\d{1,2})?$/;
const WHOLE = /^\d{1,9}$/;

/** Why an offer's value does not fit its kind: a code the web translates and the API words in English. */
export const OFFER_PROBLEMS = [
  'offerPercent',
  'offerHours',
  'offerDays',
  'offerMoney',
  'offerCurrency',
  'offerNoCurrency',
  'offerNoValue',
] as const;
export type OfferProblem = (typeof OFFER_PROBLEMS)[number];

/**
 * Checks an offer's value for its kind; null when fine. Values are decimal strings so money stays
 * exact (never a float).
 */
export function offerValueProblem(
  kind: OfferKind,
  value: string | null | undefined,
  currency: string | null | undefined,
): OfferProblem | null {
  const has = value !== undefined && value !== null && value !== '';
  switch (kind) {
    case 'discount_next_project':
      if (!has || !WHOLE.test(value) || Number(value) < 1 || Number(value) > 100) return 'offerPercent';
      return currency ? 'offerNoCurrency' : null;
    case 'free_hours':
      if (!has || !DECIMAL.test(value) || Number(value) <= 0) return 'offerHours';
      return currency ? 'offerNoCurrency' : null;
    case 'deadline_extension':
      if (!has || !WHOLE.test(value) || Number(value) <= 0) return 'offerDays';
      return currency ? 'offerNoCurrency' : null;
    case 'credit':
    case 'refund':
      if (!has || !DECIMAL.test(value) || Number(value) <= 0) return 'offerMoney';
      return currency && /^[A-Z]{3}$/.test(currency) ? null : 'offerCurrency';
    case 'free_revision':
      return has || currency ? 'offerNoValue' : null;
  }
}

/** The API's sentence for an offer problem, naming the kind. */
export function offerProblemMessage(problem: OfferProblem, kind: OfferKind): string {
  switch (problem) {
    case 'offerPercent':
      return 'A discount is a whole percent from 1 to 100';
    case 'offerHours':
      return 'Free hours must be more than 0, with at most 2 decimals (e.g. "1.5")';
    case 'offerDays':
      return 'A deadline extension is a whole number of days, at least 1';
    case 'offerMoney':
      return `A ${kind} is an amount of money above 0 with at most 2 decimals (e.g. "25.00")`;
    case 'offerCurrency':
      return `A ${kind} needs a currency as a 3-letter code (e.g. "EUR")`;
    case 'offerNoCurrency':
      return `A ${kind.replaceAll('_', ' ')} offer takes no currency`;
    case 'offerNoValue':
      return 'A free revision takes no value or currency';
  }
}

/** Offers worth money: they become a credit on the client's account once applied. */
export const MONEY_OFFER_KINDS: readonly OfferKind[] = ['credit', 'refund'];

/** Offers the client said yes to. */
export const ACCEPTED_OFFER_STATUSES: readonly OfferStatus[] = ['accepted', 'applied'];
