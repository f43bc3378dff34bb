import type { OpenAPIObject } from '@nestjs/swagger';
import type { PathItemObject, ReferenceObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { WEBHOOK_EVENT_TYPES, WEBHOOK_PAYLOAD_VERSION, WEBHOOK_TEST_EVENT, type WebhookEventType } from '@candor/domain';

const ref = (name: string): ReferenceObject => ({ $ref: `#/components/schemas/${name}` });

/** Each event's `data`: the object as staff see it, i.e. what the API answers staff for it. */
const DATA: Record<WebhookEventType | typeof WEBHOOK_TEST_EVENT, { summary: string; data: SchemaObject | ReferenceObject }> = {
  'disclosure.disclosed': { summary: 'A disclosure reached the client', data: ref('DisclosureStaffResponse') },
  'disclosure.remedy_accepted': { summary: "The client's main contact accepted the remedy", data: ref('DisclosureStaffResponse') },
  'disclosure.resolved': { summary: 'The team resolved the disclosure', data: ref('DisclosureStaffResponse') },
  'offer.accepted': { summary: 'The client accepted a compensation offer', data: ref('OfferResponse') },
  'week.submitted': { summary: 'A timesheet week was submitted to the client', data: ref('WeekResponse') },
  'week.approved': { summary: 'The client approved a timesheet week', data: ref('WeekResponse') },
  'week.disputed': { summary: 'The client disputed entries of a timesheet week', data: ref('WeekResponse') },
  'deliverable.delivered': { summary: 'A new version of a deliverable was delivered', data: ref('DeliverableStaffResponse') },
  'deliverable.approved': { summary: 'The client approved a deliverable', data: ref('DeliverableStaffResponse') },
  'member.joined': { summary: 'Someone accepted an invitation and joined the workspace', data: ref('MemberResponse') },
  [WEBHOOK_TEST_EVENT]: {
    summary: 'A test event the owner sent from the webhook settings',
    data: {
      type: 'object',
      required: ['endpointId', 'message'],
      properties: { endpointId: { type: 'string', format: 'uuid' }, message: { type: 'string' } },
    },
  },
};

const SIGNING =
  'Signed per Standard Webhooks: headers webhook-id (the same on every retry and redelivery: dedupe on it), ' +
  'webhook-timestamp (seconds) and webhook-signature (`v1,<base64 HMAC-SHA256 of id.timestamp.body>`, one per valid secret, ' +
  'space-separated during a rotation). Answer 2xx within 10 s; anything else (a redirect too) is retried for up to 3 days.';

function operation(type: string, summary: string, data: SchemaObject | ReferenceObject): PathItemObject {
  const header = (description: string) => ({ required: true, description, schema: { type: 'string' as const } });
  return {
    post: {
      summary,
      description: SIGNING,
      operationId: `webhook_${type.replace('.', '_')}`,
      parameters: [
        { name: 'webhook-id', in: 'header', ...header('the webhook id (a UUID)') },
        { name: 'webhook-timestamp', in: 'header', ...header('Unix seconds of this attempt') },
        { name: 'webhook-signature', in: 'header', ...header('space-separated `v1,<signature>` values') },
      ],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['type', 'version', 'timestamp', 'data'],
              properties: {
                type: { type: 'string', enum: [type] },
                version: { type: 'integer', enum: [WEBHOOK_PAYLOAD_VERSION], description: 'the payload shape version' },
                timestamp: { type: 'string', format: 'date-time', description: 'when the change happened' },
                data,
              },
            },
          },
        },
      },
      responses: { '2XX': { description: 'received; any other answer is retried' } },
    },
  };
}

/** The webhooks Candor sends, one operation per event, in OpenAPI's `webhooks` shape. */
export function webhookOperations(): Record<string, PathItemObject> {
  const types = [...WEBHOOK_EVENT_TYPES, WEBHOOK_TEST_EVENT] as (keyof typeof DATA)[];
  return Object.fromEntries(types.map((type) => [type, operation(type, DATA[type].summary, DATA[type].data)]));
}

/** OpenAPI 3.0's `nullable` in JSON Schema 2020-12 words (OpenAPI 3.1): a type list with 'null', or a ref or null. */
function to31(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(to31);
  if (!node || typeof node !== 'object') return node;
  const { nullable, ...rest } = node as Record<string, unknown>;
  const converted = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, to31(value)]));
  if (nullable !== true) return converted;
  if (typeof converted['type'] === 'string') return { ...converted, type: [converted['type'], 'null'] };
  if ('$ref' in converted || 'allOf' in converted) return { anyOf: [converted, { type: 'null' }] };
  return converted;
}

/**
 * The webhooks as a document of their own in OpenAPI 3.1, whose `webhooks` field describes them (the
 * main document stays 3.0, as @nestjs/swagger writes it, and carries them as `x-webhooks`).
 */
export function webhooksDocument(main: OpenAPIObject): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: { ...main.info, title: 'Candor webhooks', description: SIGNING },
    webhooks: webhookOperations(),
    components: { schemas: to31(main.components?.schemas ?? {}) },
  };
}
