import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, SubmitButton, SuccessNotice, TextAreaField } from '../../ui';
import type { Disclosure, FollowUp } from './disclosure-endpoints';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { useFormat } from '../../lib/i18n/use-format';
import { FollowUpStatusBadge } from './disclosure-labels';
import { useFollowUpStep, useStep } from './disclosure-queries';
import { TextActionButton } from './inline-form';

/** The check-in and the retrospective after resolution; staff complete or skip each with a reason. */
export function FollowUpList({ followUps }: { followUps: FollowUp[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const step = useFollowUpStep();
  if (followUps.length === 0) return <p className="muted">{t('disclosure.staff.noFollowUps')}</p>;
  return (
    <ul className="list" data-testid="follow-ups">
      {followUps.map((followUp) => (
        <li key={followUp.id} className="list-row follow-up">
          <div className="list-main">
            <p className="list-title">{t(`disclosure.staff.followUpKind.${followUp.kind}`)}</p>
            <p className="list-meta">{t('disclosure.staff.followUpDue', { date: format.dateTime(followUp.dueAt) })}</p>
            {followUp.rating !== null ? (
              <p className="list-meta">
                {t('disclosure.staff.checkInAnswer', {
                  resolved: followUp.clientResolved ? t('common.yes') : t('common.no'),
                  rating: followUp.rating,
                })}
              </p>
            ) : null}
            {followUp.outcome ? <p className="notes">{followUp.outcome}</p> : null}
            {followUp.skipReason ? <p className="notes muted">{followUp.skipReason}</p> : null}
            {followUp.status === 'pending' ? (
              <div className="form-actions">
                <TextActionButton
                  label={t('disclosure.staff.complete')}
                  fieldLabel={t('disclosure.staff.outcome')}
                  pending={step.isPending}
                  error={step.error}
                  onSubmit={(outcome, done) => step.mutate({ id: followUp.id, step: 'complete', outcome }, { onSuccess: done })}
                />
                <TextActionButton
                  label={t('disclosure.staff.skip')}
                  fieldLabel={t('disclosure.staff.skipReason')}
                  variant="quiet"
                  pending={step.isPending}
                  error={step.error}
                  onSubmit={(reason, done) => step.mutate({ id: followUp.id, step: 'skip', reason }, { onSuccess: done })}
                />
              </div>
            ) : null}
          </div>
          <div className="list-aside">
            <FollowUpStatusBadge status={followUp.status} />
          </div>
        </li>
      ))}
    </ul>
  );
}

/** The client's answer to the check-in: resolved or not, a 1-5 rating and a comment. */
export function CheckInForm({ disclosure }: { disclosure: Disclosure }) {
  const { t } = useTranslation();
  const errorMessages = useErrorMessages();
  const step = useStep(disclosure.id);
  const [resolved, setResolved] = useState<boolean | null>(null);
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [tried, setTried] = useState(false);
  if (step.isSuccess) return <SuccessNotice>{t('disclosure.client.checkInThanks')}</SuccessNotice>;
  return (
    <form
      className="form form-compact check-in"
      noValidate
      aria-label={t('disclosure.client.checkInTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (resolved === null || rating === null || step.isPending) return;
        step.mutate({ step: 'check-in', resolved, rating, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      }}
    >
      <p className="muted">{t('disclosure.client.checkInIntro')}</p>
      <ErrorAlert messages={step.isError ? errorMessages(step.error) : []} />
      <fieldset className="choice-group">
        <legend className="field-label">{t('disclosure.client.checkInTitle')}</legend>
        {[true, false].map((value) => (
          <label key={String(value)} className="choice">
            <input type="radio" name="resolved" checked={resolved === value} onChange={() => setResolved(value)} />
            <span>{value ? t('disclosure.client.resolvedYes') : t('disclosure.client.resolvedNo')}</span>
          </label>
        ))}
        {tried && resolved === null ? <p className="field-error">{t('validation.resolvedRequired')}</p> : null}
      </fieldset>
      <fieldset className="choice-group">
        <legend className="field-label">{t('disclosure.client.rating')}</legend>
        <div className="rating">
          {[1, 2, 3, 4, 5].map((value) => (
            <label key={value} className="rating-option">
              <input type="radio" name="rating" checked={rating === value} onChange={() => setRating(value)} />
              <span aria-hidden="true">{value}</span>
              <span className="visually-hidden">{t('disclosure.client.ratingValue', { count: value })}</span>
            </label>
          ))}
        </div>
        {tried && rating === null ? <p className="field-error">{t('validation.ratingRequired')}</p> : null}
      </fieldset>
      <TextAreaField
        label={t('disclosure.client.checkInComment')}
        optional
        rows={3}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
      />
      <div className="form-actions">
        <SubmitButton pending={step.isPending}>{t('disclosure.client.sendCheckIn')}</SubmitButton>
      </div>
    </form>
  );
}
