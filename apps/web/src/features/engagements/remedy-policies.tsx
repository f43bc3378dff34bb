import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod/mini';
import { Button, EmptyState, ErrorAlert, QueryView, Section, SelectField, SubmitButton, TextAreaField, TextField } from '../../ui';
import {
  deleteRemedyPolicy,
  listRemedyPolicies,
  saveRemedyPolicy,
  type DisclosureCategory,
  type RemedyPolicy,
} from '../disclosures/disclosure-endpoints';
import { type Engagement } from './engagement-endpoints';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { useFieldError } from '../../lib/i18n/use-field-error';
import { validationMessage as m } from '../../lib/i18n/validation-messages';
import { canManageClients } from '@candor/domain';
import { useOfferText } from '../disclosures/disclosure-labels';
import { DISCLOSURE_CATEGORIES } from '@candor/domain';
import { emptyOffer, offerFields, toOfferInput } from '../disclosures/disclosure-schema';
import { OfferFields } from '../disclosures/offer-fields';
import { useMember } from '../me/current-member';

const policySchema = z.object({
  category: z.enum(DISCLOSURE_CATEGORIES),
  remedyPlan: z.string().check(z.trim(), z.minLength(1, m('textRequired'))),
  remedyDueHours: z.string().check(z.regex(/^\d+$/, m('textRequired'))),
  offer: offerFields,
  offerValidDays: z.string(),
});
type PolicyForm = z.infer<typeof policySchema>;

const policiesKey = (id: string) => ['remedy-policies', id] as const;

function PolicyEditor({ engagement, policy, onDone }: { engagement: Engagement; policy?: RemedyPolicy; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errorMessages = useErrorMessages();
  const fieldError = useFieldError();
  const save = useMutation({
    mutationFn: (values: PolicyForm) => {
      const offer = toOfferInput(values.offer);
      return saveRemedyPolicy(engagement.id, values.category, {
        remedyPlan: values.remedyPlan,
        remedyDueHours: Number(values.remedyDueHours),
        ...(offer
          ? {
              offerKind: offer.kind,
              ...(offer.value ? { offerValue: offer.value } : {}),
              ...(offer.currency ? { offerCurrency: offer.currency } : {}),
              ...(offer.note ? { offerNote: offer.note } : {}),
            }
          : {}),
        offerValidDays: Number(values.offerValidDays) || 14,
      });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: policiesKey(engagement.id) }),
  });
  const form = useForm<PolicyForm>({
    resolver: zodResolver(policySchema),
    defaultValues: {
      category: policy?.category ?? 'copy_error',
      remedyPlan: policy?.remedyPlan ?? '',
      remedyDueHours: String(policy?.remedyDueHours ?? 24),
      offer: policy?.offerKind
        ? {
            kind: policy.offerKind,
            value: policy.offerValue ?? '',
            currency: policy.offerCurrency ?? engagement.currency,
            note: policy.offerNote,
          }
        : emptyOffer(engagement.currency),
      offerValidDays: String(policy?.offerValidDays ?? 14),
    },
  });
  const { errors } = form.formState;
  return (
    <form
      className="form form-compact inline-action"
      noValidate
      aria-label={t('policies.add')}
      onSubmit={form.handleSubmit((values) => !save.isPending && save.mutate(values, { onSuccess: onDone }))}
    >
      <ErrorAlert messages={save.isError ? errorMessages(save.error) : []} />
      <div className="field-row">
        <SelectField label={t('disclosure.editor.category')} disabled={!!policy} {...form.register('category')}>
          {DISCLOSURE_CATEGORIES.map((value) => (
            <option key={value} value={value}>
              {t(`disclosure.category.${value}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('policies.dueHours')}
          inputMode="numeric"
          error={fieldError(errors.remedyDueHours)}
          {...form.register('remedyDueHours')}
        />
      </div>
      <TextAreaField
        label={t('disclosure.editor.remedyPlan')}
        rows={3}
        error={fieldError(errors.remedyPlan)}
        {...form.register('remedyPlan')}
      />
      <OfferFields control={form.control} register={form.register} errors={errors.offer} />
      <TextField label={t('policies.validDays')} inputMode="numeric" {...form.register('offerValidDays')} />
      <div className="form-actions">
        <SubmitButton pending={save.isPending}>{t('policies.save')}</SubmitButton>
        <Button variant="quiet" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** Remedies agreed with the client per category; everyone reads them, owners and managers change them. */
export function RemedyPolicies({ engagement }: { engagement: Engagement }) {
  const { t } = useTranslation();
  const member = useMember();
  const queryClient = useQueryClient();
  const offerText = useOfferText();
  const policies = useQuery({ queryKey: policiesKey(engagement.id), queryFn: () => listRemedyPolicies(engagement.id) });
  const remove = useMutation({
    mutationFn: (category: DisclosureCategory) => deleteRemedyPolicy(engagement.id, category),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: policiesKey(engagement.id) }),
  });
  const [editing, setEditing] = useState<DisclosureCategory | 'new' | null>(null);
  const mayEdit = canManageClients(member.role);
  return (
    <Section
      title={t('policies.title')}
      description={t('policies.description')}
      actions={mayEdit && editing === null ? <Button onClick={() => setEditing('new')}>{t('policies.add')}</Button> : null}
    >
      {editing === 'new' ? <PolicyEditor engagement={engagement} onDone={() => setEditing(null)} /> : null}
      <QueryView query={policies}>
        {(list) =>
          list.length === 0 ? (
            editing ? null : (
              <EmptyState title={t('policies.emptyTitle')}>{t('policies.emptyText')}</EmptyState>
            )
          ) : (
            <ul className="list" data-testid="remedy-policies">
              {list.map((policy) =>
                editing === policy.category ? (
                  <li key={policy.category} className="list-row">
                    <PolicyEditor engagement={engagement} policy={policy} onDone={() => setEditing(null)} />
                  </li>
                ) : (
                  <li key={policy.category} className="list-row">
                    <div className="list-main">
                      <p className="list-title">{t(`disclosure.category.${policy.category}`)}</p>
                      <p className="notes">{policy.remedyPlan}</p>
                      <p className="list-meta">
                        {t('policies.dueWithin', { count: policy.remedyDueHours })}
                        {policy.offerKind
                          ? ` · ${t('policies.withOffer', { offer: offerText({ kind: policy.offerKind, value: policy.offerValue, currency: policy.offerCurrency }) })}`
                          : ''}
                      </p>
                    </div>
                    {mayEdit ? (
                      <div className="list-aside">
                        <Button variant="quiet" onClick={() => setEditing(policy.category)}>
                          {t('policies.edit')}
                        </Button>
                        <Button
                          variant="quiet"
                          pending={remove.isPending}
                          onClick={() => !remove.isPending && remove.mutate(policy.category)}
                        >
                          {t('policies.remove')}
                        </Button>
                      </div>
                    ) : null}
                  </li>
                ),
              )}
            </ul>
          )
        }
      </QueryView>
    </Section>
  );
}
