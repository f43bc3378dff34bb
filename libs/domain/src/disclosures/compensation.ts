/** What a compensation offer gives the client; the value's meaning depends on the kind. */
export const OFFER_KINDS = ['discount_next_project', 'free_hours', 'deadline_extension', 'credit', 'refund', 'free_revision'] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];

export const OFFER_STATUSES = ['offered', 'accepted', 'declined', 'withdrawn', 'expired', 'applied'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

const DECIMAL = /^\d{1,12}(\.\d{1,2})?$/;
const WHOLE = /^\d{1,9}$/;

/**
 * Checks an offer's value for its kind and returns a sentence a person understands, or null when fine.
 * Values are decimal strings so money stays exact (never a float).
 */
export function offerValueProblem(kind: OfferKind, value: string | null | undefined, currency: string | null | undefined): string | null {
  const has = value !== undefined && value !== null && value !== '';
  switch (kind) {
    case 'discount_next_project':
      if (!has || !WHOLE.test(value) || Number(value) < 1 || Number(value) > 100) return 'A discount is a whole percent from 1 to 100';
      return currency ? 'A discount is a percent and takes no currency' : null;
    case 'free_hours':
      if (!has || !DECIMAL.test(value) || Number(value) <= 0) return 'Free hours must be more than 0, with at most 2 decimals (e.g. "1.5")';
      return currency ? 'Free hours take no currency' : null;
    case 'deadline_extension':
      if (!has || !WHOLE.test(value) || Number(value) <= 0) return 'A deadline extension is a whole number of days, at least 1';
      return currency ? 'A deadline extension takes no currency' : null;
    case 'credit':
    case 'refund':
      if (!has || !DECIMAL.test(value) || Number(value) <= 0) {
        return `A ${kind} is an amount of money above 0 with at most 2 decimals (e.g. "25.00")`;
      }
      return currency && /^[A-Z]{3}$/.test(currency) ? null : `A ${kind} needs a currency as a 3-letter code (e.g. "EUR")`;
    case 'free_revision':
      return has || currency ? 'A free revision takes no value or currency' : null;
  }
}

/** Offers worth money: they become a credit on the client's account once applied. */
export const MONEY_OFFER_KINDS: readonly OfferKind[] = ['credit', 'refund'];

/** Offers the client said yes to. */
export const ACCEPTED_OFFER_STATUSES: readonly OfferStatus[] = ['accepted', 'applied'];
