import { z } from 'zod/mini';
import {
  DETECTED_BY,
  DISCLOSURE_CATEGORIES,
  DISCLOSURE_SEVERITIES,
  offerValueProblem as domainOfferProblem,
  type OfferKind,
} from '@candor/domain';
import type { DisclosureInput, DisclosurePatch, OfferInput, StaffDisclosure } from './disclosure-endpoints';
import type { ApiProblem } from '../../lib/api';
import { toLocalInput } from '../../lib/format';
import { validationMessage as m } from '../../lib/i18n/validation-messages';

/** What an offer's value means, which decides the input the editor shows for it. */
export type OfferUnit = 'percent' | 'hours' | 'days' | 'money' | 'none';

export const OFFER_UNIT: Record<OfferKind, OfferUnit> = {
  discount_next_project: 'percent',
  free_hours: 'hours',
  deadline_extension: 'days',
  credit: 'money',
  refund: 'money',
  free_revision: 'none',
};

/**
 * The API's own offer rule (libs/domain), as a catalog key. Only what the kind takes is checked: the
 * editor sends no currency but for money, and no value for a free revision.
 */
export function offerValueProblem(kind: OfferKind, value: string, currency: string) {
  const unit = OFFER_UNIT[kind];
  const problem = domainOfferProblem(kind, unit === 'none' ? '' : value, unit === 'money' ? currency : '');
  return problem ? m(problem) : null;
}

const text = (max: number) => z.string().check(z.trim(), z.maxLength(max, m('textTooLong')));

export const offerFields = z
  .object({ kind: z.string(), value: z.string().check(z.trim()), currency: z.string().check(z.trim(), z.toUpperCase()), note: text(2000) })
  .check(
    z.superRefine((offer, context) => {
      if (!offer.kind) return;
      const problem = offerValueProblem(offer.kind as OfferKind, offer.value, offer.currency);
      if (problem) {
        const path = problem === m('offerCurrency') ? 'currency' : 'value';
        context.issues.push({ code: 'custom', message: problem, path: [path], input: offer.value });
      }
    }),
  );

export type OfferForm = z.infer<typeof offerFields>;

export const emptyOffer = (currency = ''): OfferForm => ({ kind: '', value: '', currency, note: '' });

export function toOfferInput(offer: OfferForm, expiresAt?: string): OfferInput | null {
  if (!offer.kind) return null;
  const kind = offer.kind as OfferKind;
  const unit = OFFER_UNIT[kind];
  return {
    kind,
    ...(unit === 'none' ? {} : { value: offer.value }),
    ...(unit === 'money' ? { currency: offer.currency } : {}),
    ...(offer.note ? { note: offer.note } : {}),
    ...(expiresAt ? { expiresAt } : {}),
  };
}

const LOCAL_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** The team's own review, which stays editable after the client has read the disclosure (until it closes). */
export const internalSchema = z.object({
  rootCause: text(10000),
  contributingFactors: text(10000),
  lessonsLearned: text(10000),
  preventiveActions: text(10000),
  involvedUserIds: z.array(z.string()),
});

export type InternalForm = z.infer<typeof internalSchema>;

export const disclosureSchema = z
  .object({
    category: z.enum(DISCLOSURE_CATEGORIES),
    severity: z.enum(DISCLOSURE_SEVERITIES),
    detectedBy: z.enum(DETECTED_BY),
    occurredAt: z.string().check(z.regex(LOCAL_MOMENT, m('momentRequired'))),
    discoveredAt: z.string().check(z.regex(LOCAL_MOMENT, m('momentRequired'))),
    whatHappened: z.string().check(z.trim(), z.minLength(1, m('whatHappenedRequired')), z.maxLength(10000, m('textTooLong'))),
    impact: text(10000),
    apology: text(10000),
    remedyPlan: text(10000),
    remedyDueAt: z.string(),
    offer: offerFields,
    ...internalSchema.shape,
  })
  .check(
    z.refine((form) => form.discoveredAt >= form.occurredAt, { message: m('discoveredBeforeOccurred'), path: ['discoveredAt'] }),
    z.refine((form) => !form.remedyDueAt || LOCAL_MOMENT.test(form.remedyDueAt), { message: m('momentRequired'), path: ['remedyDueAt'] }),
  );

export type DisclosureForm = z.infer<typeof disclosureSchema>;

export function internalValues(disclosure: StaffDisclosure): InternalForm {
  return {
    rootCause: disclosure.rootCause,
    contributingFactors: disclosure.contributingFactors,
    lessonsLearned: disclosure.lessonsLearned,
    preventiveActions: disclosure.preventiveActions,
    involvedUserIds: disclosure.involved.map((person) => person.id),
  };
}

/** Fields the client reads; the rest of the form stays with the team. */
export const CLIENT_FIELDS = ['whatHappened', 'impact', 'apology', 'remedyPlan'] as const;
export type ClientField = (typeof CLIENT_FIELDS)[number];

const localInput = (iso: string | null | undefined) => (iso ? toLocalInput(new Date(iso)) : '');
const instant = (local: string) => new Date(local).toISOString();

export function newDisclosureValues(now = new Date()): DisclosureForm {
  const moment = toLocalInput(now);
  return {
    category: 'copy_error',
    severity: 'medium',
    detectedBy: 'self',
    occurredAt: moment,
    discoveredAt: moment,
    whatHappened: '',
    impact: '',
    apology: '',
    remedyPlan: '',
    remedyDueAt: '',
    offer: emptyOffer(),
    rootCause: '',
    contributingFactors: '',
    lessonsLearned: '',
    preventiveActions: '',
    involvedUserIds: [],
  };
}

export function disclosureValues(disclosure: StaffDisclosure): DisclosureForm {
  return {
    category: disclosure.category,
    severity: disclosure.severity,
    detectedBy: disclosure.detectedBy,
    occurredAt: localInput(disclosure.occurredAt),
    discoveredAt: localInput(disclosure.discoveredAt),
    whatHappened: disclosure.whatHappened,
    impact: disclosure.impact,
    apology: disclosure.apology,
    remedyPlan: disclosure.remedyPlan,
    remedyDueAt: localInput(disclosure.remedyDueAt),
    offer: emptyOffer(),
    ...internalValues(disclosure),
  };
}

export function toDisclosurePatch(form: DisclosureForm): DisclosurePatch {
  const { offer: _offer, occurredAt, discoveredAt, remedyDueAt, ...rest } = form;
  return {
    ...rest,
    occurredAt: instant(occurredAt),
    discoveredAt: instant(discoveredAt),
    ...(remedyDueAt ? { remedyDueAt: instant(remedyDueAt) } : {}),
  };
}

export function toDisclosureInput(engagementId: string, form: DisclosureForm, deliverableId?: string): DisclosureInput {
  const patch = toDisclosurePatch(form);
  return {
    ...patch,
    engagementId,
    ...(deliverableId ? { deliverableId } : {}),
    category: form.category,
    severity: form.severity,
    detectedBy: form.detectedBy,
    occurredAt: instant(form.occurredAt),
    discoveredAt: instant(form.discoveredAt),
    whatHappened: form.whatHappened,
  };
}

/** Where the API's refusal points in the form: a named person in a client-facing field, or a missing part. */
export interface FieldProblem {
  field: ClientField;
  words?: string;
}

/**
 * Where the API's refusal of a step points in the editor: a client-facing field that names a person
 * involved (with the words, quoted in the problem's message), or one the client needs before disclosure.
 */
export function fieldProblems(problems: readonly ApiProblem[]): FieldProblem[] {
  const isClientField = (name: string | undefined): name is ClientField => !!name && (CLIENT_FIELDS as readonly string[]).includes(name);
  return problems.flatMap((problem): FieldProblem[] => {
    if (!isClientField(problem.field)) return [];
    if (problem.code === 'names_involved_person') {
      const words = /"([^"]+)"/.exec(problem.message)?.[1];
      return [words ? { field: problem.field, words } : { field: problem.field }];
    }
    return problem.code === 'required_to_disclose' ? [{ field: problem.field }] : [];
  });
}
