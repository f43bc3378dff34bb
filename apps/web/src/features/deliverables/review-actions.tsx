import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ErrorAlert, SubmitButton, SuccessNotice, TextAreaField } from '../../ui';
import type { Deliverable } from './deliverable-endpoints';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { useMember } from '../me/current-member';
import { nextRound } from './deliverable-schema';
import { useApprove, useRequestChanges } from './deliverable-queries';

/** Asking for changes, with the round it will take (included or billable) said before sending. */
function RequestChanges({ deliverable }: { deliverable: Deliverable }) {
  const { t } = useTranslation();
  const errorMessages = useErrorMessages();
  const request = useRequestChanges(deliverable.id);
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const { round, billable } = nextRound(deliverable.rounds);
  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t('deliverable.review.requestChanges')}
      </Button>
    );
  }
  return (
    <form
      className="form form-compact inline-action"
      noValidate
      aria-label={t('deliverable.review.requestChanges')}
      onSubmit={(event) => {
        event.preventDefault();
        if (request.isPending) return;
        if (!comment.trim()) {
          setMissing(true);
          return;
        }
        request.mutate(comment.trim(), { onSuccess: () => setOpen(false) });
      }}
    >
      <p className={billable ? 'note note-danger' : 'note'} data-testid="round-preview">
        {billable
          ? t('deliverable.review.billableRound', { round, included: deliverable.rounds.included })
          : t('deliverable.review.includedRound', { round, included: deliverable.rounds.included, left: deliverable.rounds.remaining - 1 })}
      </p>
      <ErrorAlert messages={request.isError ? errorMessages(request.error) : []} />
      <TextAreaField
        label={t('deliverable.review.comment')}
        hint={t('deliverable.review.commentHint')}
        rows={4}
        value={comment}
        error={missing && !comment.trim() ? t('validation.textRequired') : undefined}
        onChange={(event) => setComment(event.target.value)}
      />
      <div className="form-actions">
        <SubmitButton pending={request.isPending}>
          {billable ? t('deliverable.review.sendBillable') : t('deliverable.review.send')}
        </SubmitButton>
        <Button variant="quiet" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** What a client does with a delivered version: the client_admin approves it; anyone at the client asks for changes. */
export function ReviewActions({ deliverable }: { deliverable: Deliverable }) {
  const { t } = useTranslation();
  const member = useMember();
  const errorMessages = useErrorMessages();
  const approve = useApprove(deliverable.id);
  if (deliverable.status === 'approved') {
    return deliverable.approvedBy ? (
      <SuccessNotice>{t('deliverable.review.approvedBy', { name: deliverable.approvedBy.displayName })}</SuccessNotice>
    ) : null;
  }
  if (deliverable.status === 'changes_requested') return <p className="note">{t('deliverable.review.changesAsked')}</p>;
  if (deliverable.status !== 'submitted') return <p className="muted">{t('deliverable.review.nothingYet')}</p>;
  const admin = member.role === 'client_admin';
  return (
    <div className="steps" data-testid="review-actions">
      <p>{t('deliverable.review.intro', { number: deliverable.versionCount })}</p>
      <ErrorAlert messages={approve.isError ? errorMessages(approve.error) : []} />
      {admin ? null : <p className="note">{t('deliverable.review.adminApproves')}</p>}
      <div className="form-actions form-actions-stack">
        {admin ? (
          <Button variant="primary" pending={approve.isPending} onClick={() => !approve.isPending && approve.mutate()}>
            {t('deliverable.review.approve')}
          </Button>
        ) : null}
        <RequestChanges deliverable={deliverable} />
      </div>
    </div>
  );
}
