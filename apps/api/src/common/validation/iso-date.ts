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
