/** pg's own value serialisation (untyped in @types/pg): the text it binds for a parameter. */
declare module 'pg/lib/utils' {
  export function prepareValue(value: unknown): string | Buffer | null;
}
