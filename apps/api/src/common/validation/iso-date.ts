import { ValidateBy, buildMessage } from 'class-validator';
import { isIsoDate, isMonday } from '@candor/domain';

/** A real calendar date written YYYY-MM-DD. */
export const IsIsoDate = () =>
  ValidateBy({
    name: 'isIsoDate',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isIsoDate(value),
      defaultMessage: buildMessage((prefix) => `${prefix}$property must be a date written YYYY-MM-DD`),
    },
  });

/** A Monday written YYYY-MM-DD: weeks are named by the Monday they start on. */
export const IsWeekStart = () =>
  ValidateBy({
    name: 'isWeekStart',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isMonday(value),
      defaultMessage: buildMessage((prefix) => `${prefix}$property must be a Monday written YYYY-MM-DD (weeks start on Monday)`),
    },
  });

// A calendar date and a time of day with a zone: the one ISO-8601 form both JavaScript and PostgreSQL
// read the same way. Week dates (2026-W48), ordinal dates (2026-335), bare months and year 0 are not it.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/;

/** True for a real instant written like 2026-11-23T08:00:00Z, in the years 1000 to 9999. */
export function isIsoDateTime(value: string): boolean {
  const match = DATE_TIME.exec(value);
  if (!match || Number(match[1]) < 1000) return false;
  return isIsoDate(`${match[1]}-${match[2]}-${match[3]}`) && !Number.isNaN(new Date(value).getTime());
}

/** A date and time with a time zone, written like 2026-11-23T08:00:00Z; `message` names the field. */
export const IsIsoDateTime = (message: string) =>
  ValidateBy({
    name: 'isIsoDateTime',
    validator: { validate: (value: unknown) => typeof value === 'string' && isIsoDateTime(value), defaultMessage: () => message },
  });
