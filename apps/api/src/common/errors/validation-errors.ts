import type { ValidationError } from '@nestjs/common';
import { BadInputException, type ApiErrorItem } from './api-error';
import { validationSentences } from './plain-messages';

/** class-validator's constraint names, mapped to the codes the web knows how to say. */
const CODES: Record<string, string> = {
  whitelistValidation: 'unknown_field',
  isDefined: 'required',
  isNotEmpty: 'required',
  isString: 'not_text',
  isBoolean: 'not_boolean',
  isInt: 'not_whole_number',
  isNumber: 'not_number',
  min: 'too_small',
  max: 'too_large',
  minLength: 'too_short',
  maxLength: 'too_long',
  isLength: 'length',
  arrayMaxSize: 'too_many',
  arrayMinSize: 'too_few',
  arrayNotEmpty: 'too_few',
  isArray: 'not_list',
  isIn: 'not_allowed_value',
  isEnum: 'not_allowed_value',
  isUuid: 'invalid_id',
  isEmail: 'invalid_email',
  isUrl: 'invalid_url',
  isTimeZone: 'invalid_time_zone',
  isIso8601: 'invalid_date_time',
  isIsoDateTime: 'invalid_date_time',
  isIsoDate: 'invalid_date',
  isWeekStart: 'not_a_monday',
  matches: 'invalid_format',
  nestedValidation: 'invalid_format',
  isObject: 'invalid_format',
};

export const codeForConstraint = (name: string): string => CODES[name] ?? name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

function flatten(errors: ValidationError[], parent: string, out: { items: ApiErrorItem[]; summaries: string[] }): typeof out {
  for (const error of errors) {
    const field = parent ? (/^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`) : error.property;
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      const code = codeForConstraint(constraint);
      const sentences = validationSentences(code, error.property, message);
      out.items.push({ code, field, message: sentences.item });
      out.summaries.push(sentences.summary);
    }
    if (error.children?.length) flatten(error.children, field, out);
  }
  return out;
}

/**
 * The ValidationPipe's exceptionFactory: one error item per failed constraint, with its field path and
 * a sentence about "this field"; the top-level message names each field in words.
 */
export const validationException = (errors: ValidationError[]) => {
  const { items, summaries } = flatten(errors, '', { items: [], summaries: [] });
  return new BadInputException(items, summaries);
};
