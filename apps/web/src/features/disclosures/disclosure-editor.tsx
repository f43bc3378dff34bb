import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ErrorAlert, SuccessNotice } from '../../ui';
import type { Engagement } from '../engagements/engagement-endpoints';
import { useMember } from '../me/current-member';
import type { StaffDisclosure } from './disclosure-endpoints';
import { EditorPreview } from './editor-preview';
import { ClientWordsSteps, EditorStep, FactsStep, StepNav } from './editor-steps';
import { InternalStep } from './internal-step';
import { OfferFields } from './offer-fields';
import { useAgreedRemedy } from './use-agreed-remedy';
import { useDisclosureDraft, type DisclosureDraft } from './use-disclosure-draft';

export type { DisclosureDraft } from './use-disclosure-draft';

/**
 * Writing a disclosure: the facts, the impact, an apology, a remedy and an optional offer for the
 * client, then the team's blameless review, with the client's view beside it as it is typed. Saving,
 * sending for review and disclosing are one request each; the API's refusals land next to the field they concern.
 */
export function DisclosureEditor({
  engagement,
  disclosure,
  draft,
  requireReview,
  showStaffNames,
}: {
  engagement: Engagement;
  disclosure?: StaffDisclosure;
  draft?: DisclosureDraft;
  requireReview: boolean;
  showStaffNames: boolean;
}) {
  const { t } = useTranslation();
  const member = useMember();
  const formId = useId();
  const { form, run, pending, saved, messages, sentOffers, clientFieldError } = useDisclosureDraft({ engagement, disclosure, draft });
  const { register, formState } = form;
  const agreed = useAgreedRemedy(engagement.id, !disclosure, form);
  const status = disclosure?.status ?? 'draft';
  const reviewer = member.role === 'owner' || member.role === 'manager';
  const mayReview = status === 'draft' && (disclosure?.allowedNextStatuses ?? ['in_review']).includes('in_review');
  const mayDisclose = (!requireReview || reviewer) && (disclosure?.allowedNextStatuses ?? ['disclosed']).includes('disclosed');
  const steps = { register, errors: formState.errors, clientFieldError };

  return (
    <div className="editor">
      <form
        id={formId}
        className="form editor-form"
        noValidate
        aria-label={disclosure ? t('disclosure.editor.editTitle') : t('disclosure.editor.newTitle')}
        onSubmit={run('save')}
      >
        <StepNav />
        <FactsStep {...steps} />
        <ClientWordsSteps {...steps} agreed={agreed} />
        <EditorStep step="offer" title={t('disclosure.editor.offerTitle')} hint={t('disclosure.editor.offerDescription')}>
          <OfferFields control={form.control} register={register} errors={formState.errors.offer} />
        </EditorStep>
        <InternalStep engagement={engagement} register={register} errors={formState.errors} />
      </form>
      <EditorPreview
        control={form.control}
        offerCurrency={engagement.currency}
        author={
          showStaffNames
            ? (disclosure?.author.displayName ?? member.user.displayName)
            : t('disclosure.teamName', { tenant: member.tenant.name })
        }
        sentOffers={sentOffers}
      >
        <div className="editor-actions">
          <ErrorAlert title={messages.length ? t('disclosure.editor.refusedTitle') : undefined} messages={messages} />
          {saved ? <SuccessNotice>{t('disclosure.editor.saved')}</SuccessNotice> : null}
          {requireReview && !reviewer ? <p className="muted">{t('disclosure.editor.reviewRequired')}</p> : null}
          <div className="form-actions">
            <Button type="submit" form={formId} pending={pending}>
              {t('disclosure.editor.saveDraft')}
            </Button>
            {mayReview && (requireReview || !reviewer) ? (
              <Button variant={mayDisclose ? 'secondary' : 'primary'} pending={pending} onClick={() => void run('submit_for_review')()}>
                {t('disclosure.editor.submitForReview')}
              </Button>
            ) : null}
            {mayDisclose ? (
              <Button variant="primary" pending={pending} onClick={() => void run('disclose')()}>
                {t('disclosure.editor.disclose')}
              </Button>
            ) : null}
          </div>
        </div>
      </EditorPreview>
    </div>
  );
}
