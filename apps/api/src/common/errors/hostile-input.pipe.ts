import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import type { ApiErrorItem } from './api-error';
import { BadInputException } from './api-error';

/** Deeper than any of our DTOs nests; anything beyond is an attack on the validators' recursion. */
export const MAX_INPUT_DEPTH = 16;
// Where @nestjs/swagger keeps a DTO property's description (its constants are not exported).
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';
const BLANK = /^\s+$/u;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const wellFormed = (text: string) => !LONE_SURROGATE.test(text);

interface PropertyMeta {
  nullable?: boolean;
  type?: unknown;
}

/** The OpenAPI description of a DTO property: null is accepted only where it says `nullable`. */
function propertyMeta(metatype: unknown, key: string): PropertyMeta | undefined {
  if (typeof metatype !== 'function') return undefined;
  return Reflect.getMetadata(API_MODEL_PROPERTIES, (metatype as { prototype: object }).prototype, key) as PropertyMeta | undefined;
}

/** The class a property holds (`type: Foo`, `type: () => Foo`, `type: [Foo]`), when it is a DTO class. */
function nestedType(meta: PropertyMeta | undefined): unknown {
  let type: unknown = Array.isArray(meta?.type) ? meta.type[0] : meta?.type;
  if (typeof type === 'function' && !type.prototype) type = (type as () => unknown)();
  if (typeof type !== 'function' || [String, Number, Boolean, Date, Object, Array].includes(type as never)) return undefined;
  return type;
}

const NULL_MEANS_UNCHANGED = Symbol('nullMeansUnchanged');

/** Marks an edit DTO whose service reads `null` in any field as "leave it as it is" (documented per route). */
export const NullMeansUnchanged = (): ClassDecorator => (target) => {
  Reflect.defineMetadata(NULL_MEANS_UNCHANGED, true, target);
};

const acceptsNull = (metatype: unknown, meta: PropertyMeta | undefined) =>
  !meta || meta.nullable === true || (typeof metatype === 'function' && Reflect.getMetadata(NULL_MEANS_UNCHANGED, metatype) === true);

const join = (parent: string, key: string | number) => (typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key);

/**
 * Runs before the ValidationPipe on every body, query and route parameter: text PostgreSQL cannot
 * store (NUL, lone UTF-16 surrogates), text that is only whitespace, `null` where the DTO does not say
 * nullable, and nesting deep enough to exhaust the validators are refused as 400 with the field named.
 */
@Injectable()
export class HostileInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const problems: ApiErrorItem[] = [];
    this.walk(value, metadata.data ?? '', metadata.metatype, 0, problems);
    if (problems.length) throw new BadInputException(problems.slice(0, 20));
    return value;
  }

  private walk(value: unknown, field: string, metatype: unknown, depth: number, problems: ApiErrorItem[]): void {
    if (typeof value === 'string') {
      const name = field ? 'This field' : 'This value';
      if (value.includes('\u0000'))
        problems.push({ code: 'invalid_characters', field, message: `${name} must not contain NUL characters.` });
      else if (!wellFormed(value))
        problems.push({ code: 'invalid_characters', field, message: `${name} contains a broken character (a lone UTF-16 surrogate).` });
      else if (BLANK.test(value)) problems.push({ code: 'blank', field, message: `${name} must not be empty: it holds only spaces.` });
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    if (depth >= MAX_INPUT_DEPTH) {
      problems.push({ code: 'too_deep', field, message: `The request nests deeper than ${MAX_INPUT_DEPTH} levels.` });
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, index) => this.walk(item, join(field, index), metatype, depth + 1, problems));
      return;
    }
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      const path = join(field, key);
      if (key.includes('\u0000') || !wellFormed(key)) {
        problems.push({
          code: 'invalid_characters',
          field: path
            .split('\u0000')
            .join('?')
            .replace(/[\ud800-\udfff]/g, '?'),
          message: 'A field name contains characters that are not allowed.',
        });
        continue;
      }
      const meta = propertyMeta(metatype, key);
      if (item === null && !acceptsNull(metatype, meta)) {
        problems.push({ code: 'required', field: path, message: 'This field cannot be null; leave it out to keep it as it is.' });
        continue;
      }
      this.walk(item, path, nestedType(meta), depth + 1, problems);
    }
  }
}
