import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod/mini';
import { ErrorAlert, QueryView, SubmitButton, TextAreaField } from '../../ui';
import type { Revision, WorkLog } from '../work-logs/work-log-endpoints';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { useFieldError } from '../../lib/i18n/use-field-error';
import { useFormat } from '../../lib/i18n/use-format';
import { validationMessage as m } from '../../lib/i18n/validation-messages';
import { useEntryHistory, useReplyToDispute } from './week-queries';

const replySchema = z.object({
  body: z.string().check(z.trim(), z.minLength(1, m('replyRequired')), z.maxLength(5000, m('commentTooLong'))),
});

/** A changed field of the trail, in words: notes as text, times in the reader's zone, billable as yes/no. */
function useChangeText() {
  const { t } = useTranslation();
  const format = useFormat();
  return (value: unknown): string => {
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return format.dateTime(value);
    if (typeof value === 'number') return format.hours(value);
    if (typeof value === 'string') return value;
    return value === null || value === undefined ? '–' : JSON.stringify(value);
  };
}

const FIELDS = ['notes', 'startedAt', 'endedAt', 'durationSeconds', 'billable'] as const;

function TrailItem({ revision }: { revision: Revision }) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useChangeText();
  // An adjusting entry leaves the original as it was: its trail notes the minutes added or taken off.
  const adjustment = typeof revision.after.adjustmentMinutes === 'number' ? revision.after.adjustmentMinutes : null;
  const fields = adjustment === null ? FIELDS.filter((field) => field in revision.after || field in revision.before) : [];
  return (
    <li className="trail-item">
      <p className="trail-meta">
        {t('weeks.changedBy', { name: revision.changedBy.displayName, date: format.dateTime(revision.createdAt) })}
      </p>
      <p className="trail-reason">{revision.reason}</p>
      {adjustment !== null ? (
        <p className="trail-adjustment">
          {t('weeks.adjustedBy', { minutes: new Intl.NumberFormat(format.locale, { signDisplay: 'always' }).format(adjustment) })}
        </p>
      ) : null}
      <dl className="trail-changes">
        {fields.map((field) => (
          <div key={field} className="trail-change">
            <dt>{t(`weeks.field.${field}`)}</dt>
            <dd>
              <del>{text(revision.before[field])}</del>
              <span aria-hidden="true"> → </span>
              <span className="visually-hidden"> {t('weeks.changedTo')} </span>
              <ins>{text(revision.after[field])}</ins>
            </dd>
          </div>
        ))}
      </dl>
    </li>
  );
}

function ReplyForm({ entry }: { entry: WorkLog }) {
  const { t } = useTranslation();
  const errorMessages = useErrorMessages();
  const fieldError = useFieldError();
  const reply = useReplyToDispute();
  const form = useForm({ resolver: zodResolver(replySchema), defaultValues: { body: '' } });
  return (
    <form
      className="form form-compact reply-form"
      noValidate
      onSubmit={form.handleSubmit((values) => {
        if (!reply.isPending) reply.mutate({ id: entry.id, body: values.body });
      })}
    >
      <ErrorAlert messages={reply.isError ? errorMessages(reply.error) : []} />
      <TextAreaField
        label={t('weeks.replyLabel')}
        hint={t('weeks.replyHint')}
        rows={3}
        error={fieldError(form.formState.errors.body)}
        {...form.register('body')}
      />
      <div className="form-actions">
        <SubmitButton pending={reply.isPending}>{t('weeks.replySubmit')}</SubmitButton>
      </div>
    </form>
  );
}

/** The entry's conversation (disputes and answers) and every change made after it was submitted. */
export function EntryHistory({ entry, mayReply }: { entry: WorkLog; mayReply: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [open, setOpen] = useState(entry.status === 'disputed');
  const { trail, comments } = useEntryHistory(entry.id, open);
  return (
    <details className="history" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('weeks.history')}</summary>
      {open ? (
        <div className="history-body">
          <QueryView query={comments}>
            {(list) =>
              list.length === 0 ? null : (
                <ul className="conversation" aria-label={t('weeks.conversation')}>
                  {list.map((comment) => (
                    <li key={comment.id} className={`comment comment-${comment.kind}`}>
                      <p className="comment-meta">
                        <strong>{comment.author.displayName}</strong> · {t(`weeks.commentKind.${comment.kind}`)} ·{' '}
                        {format.dateTime(comment.createdAt)}
                      </p>
                      <p className="comment-body">{comment.body}</p>
                    </li>
                  ))}
                </ul>
              )
            }
          </QueryView>
          <QueryView query={trail}>
            {(list) =>
              list.length === 0 ? (
                <p className="muted">{t('weeks.noChanges')}</p>
              ) : (
                <ul className="trail" aria-label={t('weeks.trail')}>
                  {list.map((revision) => (
                    <TrailItem key={revision.id} revision={revision} />
                  ))}
                </ul>
              )
            }
          </QueryView>
          {mayReply && entry.status === 'disputed' ? <ReplyForm entry={entry} /> : null}
        </div>
      ) : null}
    </details>
  );
}
