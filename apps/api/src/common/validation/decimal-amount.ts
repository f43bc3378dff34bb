import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { Matches, ValidateBy } from 'class-validator';

/**
 * A non-negative decimal with at most two places, as a string ("45", "45.5", "45.50"). Numbers are
 * accepted and turned into strings before any arithmetic could round them; money never becomes a float.
 */
export function IsDecimalAmount(field: string, { integerDigits = 10, positive = false } = {}) {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'number' && Number.isFinite(value) ? String(value) : value)),
    Matches(new RegExp(`^\\d{1,${integerDigits}}(\\.\\d{1,2})?$`), {
      message: `${field} must be a non-negative amount with at most two decimals, like 45 or 45.50`,
    }),
    ...(positive
      ? [
          ValidateBy({
            name: 'isPositive',
            validator: {
              validate: (v: unknown) => typeof v === 'string' && /[1-9]/.test(v),
              defaultMessage: () => `${field} must be more than 0`,
            },
          }),
        ]
      : []),
  );
}
