import { z } from 'zod/mini';
import { ENGAGEMENT_STATUSES } from '@candor/domain';
import type { Engagement, EngagementInput, EngagementPatch, RateInput } from './engagement-endpoints';
import { validationMessage as m } from '../../lib/i18n/validation-messages';

export const AGREEMENT_FIELDS = ['expectations', 'communication', 'responseTimes', 'informationNeeded'] as const;

// The API's own rules (money as a decimal string with at most two places), checked before sending.
const amount = (digits = 10) => new RegExp(`^\\d{1,${digits}}([.,]\\d{1,2})?$`);
const optionalText = (max: number) => z.string().check(z.trim(), z.maxLength(max, m('textTooLong')));

export const engagementSchema = z.object({
  clientAccountId: z.string().check(z.minLength(1, m('clientRequired'))),
  name: z.string().check(z.trim(), z.minLength(1, m('nameRequired')), z.maxLength(200, m('nameTooLong'))),
  description: optionalText(5000),
  status: z.enum(ENGAGEMENT_STATUSES),
  currency: z.string().check(z.trim(), z.toUpperCase(), z.regex(/^[A-Z]{3}$/, m('currencyInvalid'))),
  hourlyRate: z.string().check(z.trim(), z.regex(amount(), m('amountInvalid'))),
  includedRevisionRounds: z.string().check(z.trim(), z.regex(/^(\d|[1-9]\d|100)$/, m('roundsInvalid'))),
  deadline: z.string(),
  retainerHoursPerMonth: z.union([z.literal(''), z.string().check(z.trim(), z.regex(amount(5), m('amountInvalid')))]),
  expectations: optionalText(5000),
  communication: optionalText(5000),
  responseTimes: optionalText(5000),
  informationNeeded: optionalText(5000),
  confidentialityTerms: optionalText(20000),
  assistantIds: z.array(z.string()),
});

export type EngagementForm = z.infer<typeof engagementSchema>;

/** The fields the API names in its validation messages, for showing them where they belong. */
export const ENGAGEMENT_FIELDS = [
  'clientAccountId',
  'name',
  'description',
  'status',
  'currency',
  'hourlyRate',
  'includedRevisionRounds',
  'deadline',
  'retainerHoursPerMonth',
  'workingAgreement',
  'confidentialityTerms',
  'assistantIds',
] as const;

/** "45,50" typed by a reader whose decimals use a comma is the API's "45.50". */
const decimal = (value: string) => value.trim().replace(',', '.');

/** The form starts from the engagement as it is, or empty for a new one (in the agency's usual currency). */
export function engagementFormValues(engagement?: Engagement, currency = 'EUR'): EngagementForm {
  const agreement = engagement?.workingAgreement;
  return {
    clientAccountId: engagement?.clientAccountId ?? '',
    name: engagement?.name ?? '',
    description: engagement?.description ?? '',
    status: engagement?.status ?? 'active',
    currency: engagement?.currency ?? currency,
    hourlyRate: engagement?.currentRate?.hourlyRate ?? '',
    includedRevisionRounds: String(engagement?.includedRevisionRounds ?? 2),
    deadline: engagement?.deadline?.slice(0, 10) ?? '',
    retainerHoursPerMonth: engagement?.retainer?.hoursPerMonth ?? '',
    expectations: agreement?.expectations ?? '',
    communication: agreement?.communication ?? '',
    responseTimes: agreement?.responseTimes ?? '',
    informationNeeded: agreement?.informationNeeded ?? '',
    confidentialityTerms: engagement?.confidentiality.terms ?? '',
    assistantIds: engagement?.assistants.map((person) => person.id) ?? [],
  };
}

function agreementOf(form: EngagementForm) {
  const out: Partial<Record<(typeof AGREEMENT_FIELDS)[number], string>> = {};
  for (const key of AGREEMENT_FIELDS) if (form[key]) out[key] = form[key];
  return out;
}

/** Empty optional fields are left out rather than sent as blanks. */
export function toEngagementInput(form: EngagementForm): EngagementInput {
  const agreement = agreementOf(form);
  return {
    clientAccountId: form.clientAccountId,
    name: form.name,
    status: form.status,
    currency: form.currency,
    hourlyRate: decimal(form.hourlyRate),
    includedRevisionRounds: Number(form.includedRevisionRounds),
    assistantIds: form.assistantIds,
    ...(form.description && { description: form.description }),
    ...(form.deadline && { deadline: form.deadline }),
    ...(form.retainerHoursPerMonth && { retainerHoursPerMonth: decimal(form.retainerHoursPerMonth) }),
    ...(Object.keys(agreement).length > 0 && { workingAgreement: agreement }),
    ...(form.confidentialityTerms && { confidentialityTerms: form.confidentialityTerms }),
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id) => b.includes(id));

/**
 * What changed (status and rounds always go along; the client, currency and rate never change here:
 * a new rate starts from a date). A cleared deadline or retainer cannot be sent, so it keeps its value.
 */
export function toEngagementPatch(before: Engagement, form: EngagementForm): EngagementPatch {
  const was = engagementFormValues(before);
  const agreement = agreementOf(form);
  const agreementChanged = AGREEMENT_FIELDS.some((key) => form[key] !== was[key]);
  return {
    status: form.status,
    includedRevisionRounds: Number(form.includedRevisionRounds),
    ...(form.name !== was.name && { name: form.name }),
    ...(form.description !== was.description && { description: form.description }),
    ...(form.deadline && form.deadline !== was.deadline && { deadline: form.deadline }),
    ...(form.retainerHoursPerMonth &&
      decimal(form.retainerHoursPerMonth) !== was.retainerHoursPerMonth && { retainerHoursPerMonth: decimal(form.retainerHoursPerMonth) }),
    ...(agreementChanged && { workingAgreement: agreement }),
    ...(form.confidentialityTerms !== was.confidentialityTerms && { confidentialityTerms: form.confidentialityTerms }),
    ...(!sameSet(form.assistantIds, was.assistantIds) && { assistantIds: form.assistantIds }),
  };
}

export const rateSchema = z.object({
  hourlyRate: z.string().check(z.trim(), z.regex(amount(), m('amountInvalid'))),
  effectiveFrom: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, m('dayRequired'))),
});
export type RateForm = z.infer<typeof rateSchema>;

export function toRateInput(form: RateForm): RateInput {
  return { hourlyRate: decimal(form.hourlyRate), effectiveFrom: form.effectiveFrom };
}
