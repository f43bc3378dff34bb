import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { Matches, ValidateBy } from 'class-validator';

const toText = Transform(({ value }: { value: unknown }) => (typeof value === 'number' && Number.isFinite(value) ? String(value) : value));

/** A quantity with at most two decimals; negative ones are refused by name (a discount is a negative price, not quantity). */
export const IsInvoiceQuantity = () =>
  applyDecorators(
    toText,
    ValidateBy({
      name: 'notNegative',
      validator: {
        validate: (v: unknown) => !(typeof v === 'string' && v.trim().startsWith('-')),
        defaultMessage: () => 'quantity must not be negative; write a discount as a negative unitPrice',
      },
    }),
    Matches(/^-?\d{1,7}(\.\d{1,2})?$/, { message: 'quantity must be a number with at most two decimals, like 3 or 2.5' }),
  );

/** A unit price with at most three decimals (the currency's minor unit is applied to the line's amount); may be negative. */
export const IsUnitPrice = () =>
  applyDecorators(toText, Matches(/^-?\d{1,10}(\.\d{1,3})?$/, { message: 'unitPrice must be an amount like 45, 45.50 or -10' }));

/** A positive money amount with at most three decimals. */
export const IsPositiveAmount = (field: string) =>
  applyDecorators(
    toText,
    Matches(/^\d{1,12}(\.\d{1,3})?$/, { message: `${field} must be a positive amount like 120 or 120.50` }),
    ValidateBy({
      name: 'isPositive',
      validator: {
        validate: (v: unknown) => typeof v === 'string' && /[1-9]/.test(v),
        defaultMessage: () => `${field} must be more than 0`,
      },
    }),
  );
