import { applyDecorators, type Type } from '@nestjs/common';
import { RouteSchema } from '@nestjs/platform-fastify';
import { ApiOkResponse, type OpenAPIObject } from '@nestjs/swagger';
import type { FastifySchema } from 'fastify';

type JsonSchema = Record<string, unknown>;

const routes: { target: object; key: string | symbol; type: Type<unknown> }[] = [];

/**
 * The route answers 200 with `type` (as `@ApiOkResponse`), written by Fastify's compiled serialiser
 * (fast-json-stringify) from the OpenAPI schema the docs publish for it, instead of JSON.stringify: for the hot
 * lists, whose pages are large. Only what the schema declares is written, so the response DTO must be exact.
 */
export function SerializedAs(type: Type<unknown>): MethodDecorator {
  return applyDecorators(ApiOkResponse({ type }), (target: object, key: string | symbol) => {
    routes.push({ target, key, type });
  });
}

/**
 * Gives each `@SerializedAs` route its response schema, resolved from `document`, or none when `enabled` is false
 * (an app built earlier in the same process may have set one); before the app's routes are registered.
 */
export function applyResponseSchemas(document: OpenAPIObject, enabled = true): void {
  const components = (document.components?.schemas ?? {}) as Record<string, JsonSchema>;
  for (const { target, key, type } of routes) {
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    if (!descriptor) throw new Error(`@SerializedAs on ${String(key)}, which is not a method`);
    const schema = enabled ? { response: { 200: inline(components, { $ref: `#/components/schemas/${type.name}` }) } } : undefined;
    RouteSchema(schema as FastifySchema)(target, key, descriptor);
  }
}

/**
 * The schema with every `$ref` replaced by the component it names, so it stands alone. The form @nestjs/swagger
 * writes for a nullable reference, `{ nullable: true, allOf: [{ $ref }] }`, becomes the component with `nullable`.
 */
function inline(components: Record<string, JsonSchema>, schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map((item) => inline(components, item));
  if (!schema || typeof schema !== 'object') return schema;
  const { $ref, allOf, ...rest } = schema as JsonSchema & { $ref?: string; allOf?: unknown[] };
  if (typeof $ref === 'string') {
    const component = components[$ref.replace('#/components/schemas/', '')];
    if (!component) throw new Error(`no component for ${$ref}`);
    return { ...(inline(components, component) as JsonSchema), ...rest };
  }
  if (allOf?.length === 1) return { ...(inline(components, allOf[0]) as JsonSchema), ...inlineEach(components, rest) };
  return { ...inlineEach(components, rest), ...(allOf && { allOf: inline(components, allOf) }) };
}

function inlineEach(components: Record<string, JsonSchema>, schema: JsonSchema): JsonSchema {
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, inline(components, v)]));
}
