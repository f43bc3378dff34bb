import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { DraftNextStep } from '@candor/domain';
import { ApiError } from '../../lib/api';
import { toLocalInput } from '../../lib/format';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { useFieldError } from '../../lib/i18n/use-field-error';
import type { Engagement } from '../engagements/engagement-endpoints';
import { createDisclosure, updateDisclosure, type OfferInput, type StaffDisclosure } from './disclosure-endpoints';
import { useDisclosureChange } from './disclosure-queries';
import {
  disclosureSchema,
  disclosureValues,
  emptyOffer,
  fieldProblems,
  newDisclosureValues,
  toDisclosureInput,
  toDisclosurePatch,
  toOfferInput,
  type ClientField,
  type DisclosureForm,
  type FieldProblem,
} from './disclosure-schema';

/** A new disclosure started from elsewhere (the late-work email): values to begin with and the deliverable it is about. */
export interface DisclosureDraft {
  values: Partial<Omit<DisclosureForm, 'offer'>>;
  deliverableId?: string;
}

/** What the author asked for: save only, or save and take the next step. */
export type Intent = 'save' | DraftNextStep;

const offersOf = (disclosure?: StaffDisclosure): OfferInput[] =>
  (disclosure?.offers ?? [])
    .filter((offer) => offer.status === 'offered')
    .map((offer) => ({
      kind: offer.kind,
      ...(offer.value ? { value: offer.value } : {}),
      ...(offer.currency ? { currency: offer.currency } : {}),
      note: offer.note,
    }));

/**
 * The editor's form and its one request: the words, the offer being written and the next step go to
 * the API together, which writes all of them or nothing. A refused request leaves the form as it was,
 * offer included, so sending it again is safe; the refusal lands next to the field it concerns.
 */
export function useDisclosureDraft({
  engagement,
  disclosure,
  draft,
}: {
  engagement: Engagement;
  disclosure?: StaffDisclosure;
  draft?: DisclosureDraft;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorMessages = useErrorMessages();
  const fieldError = useFieldError();
  const [sentOffers, setSentOffers] = useState<OfferInput[]>(() => offersOf(disclosure));
  const [problems, setProblems] = useState<{ messages: string[]; fields: FieldProblem[] }>({ messages: [], fields: [] });
  const [saved, setSaved] = useState(false);
  const form = useForm<DisclosureForm>({
    resolver: zodResolver(disclosureSchema),
    defaultValues: disclosure
      ? { ...disclosureValues(disclosure), offer: emptyOffer(engagement.currency) }
      : { ...newDisclosureValues(), ...draft?.values, offer: emptyOffer(engagement.currency) },
  });

  const submit = useDisclosureChange(async ({ intent, values }: { intent: Intent; values: DisclosureForm }) => {
    const offer = toOfferInput(values.offer);
    const next = { ...(offer ? { offer } : {}), ...(intent === 'save' ? {} : { then: intent }) };
    const result = disclosure
      ? await updateDisclosure(disclosure.id, { ...toDisclosurePatch(values), ...next })
      : await createDisclosure({ ...toDisclosureInput(engagement.id, values, draft?.deliverableId), ...next });
    // The API may have filled in the remedy agreed up front: the form holds it from now on.
    if (!values.remedyPlan.trim() && result.remedyPlan) form.setValue('remedyPlan', result.remedyPlan);
    if (!values.remedyDueAt && result.remedyDueAt) form.setValue('remedyDueAt', toLocalInput(new Date(result.remedyDueAt)));
    if (offer) {
      setSentOffers((sent) => [...sent, offer]);
      form.resetField('offer', { defaultValue: emptyOffer(values.offer.currency) });
    }
    return result.id;
  });

  const run = (intent: Intent) =>
    form.handleSubmit(async (values) => {
      if (submit.isPending) return;
      setProblems({ messages: [], fields: [] });
      setSaved(false);
      try {
        const id = await submit.mutateAsync({ intent, values });
        if (intent === 'save' && disclosure) setSaved(true);
        else void navigate(`/disclosures/${id}`, { replace: !!disclosure });
      } catch (error) {
        const fields = error instanceof ApiError && error.status === 400 ? fieldProblems(error.problems) : [];
        setProblems({ messages: errorMessages(error), fields });
        const first = fields[0];
        if (first) form.setFocus(first.field);
      }
    });

  /** The form's own check first, then where the API's refusal pointed. */
  const clientFieldError = (field: ClientField) => {
    const own = fieldError(form.formState.errors[field]);
    if (own) return own;
    const problem = problems.fields.find((p) => p.field === field);
    if (!problem) return undefined;
    return problem.words ? t('disclosure.editor.namesPerson', { words: problem.words }) : t('disclosure.editor.missingPart');
  };

  return { form, run, pending: submit.isPending, saved, messages: problems.messages, sentOffers, clientFieldError };
}
