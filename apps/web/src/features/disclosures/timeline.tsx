import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, SelectField, SubmitButton, TextAreaField } from '../../ui';
import type { CommentVisibility, Disclosure, TimelineEntry } from './disclosure-endpoints';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { useFormat } from '../../lib/i18n/use-format';
import { useComment } from './disclosure-queries';

const KNOWN_EVENTS = new Set([
  'created',
  'updated',
  'submitted_for_review',
  'returned_to_draft',
  'disclosed',
  'acknowledged',
  'remedy_proposed',
  'remedy_accepted',
  'remedy_changes_requested',
  'remediation_started',
  'resolved',
  'closed',
  'offer_made',
  'offer_accepted',
  'offer_declined',
  'offer_withdrawn',
  'offer_expired',
  'offer_applied',
  'follow_up_done',
  'follow_up_skipped',
  'check_in_answered',
  'comment',
]);

function EntryTitle({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const action = KNOWN_EVENTS.has(entry.action) ? entry.action : entry.type === 'comment' ? 'comment' : 'other';
  return <span className="timeline-action">{t(`disclosure.event.${action}` as 'disclosure.event.other')}</span>;
}

/** Every step and comment of a disclosure, oldest first; internal entries marked as such for the team. */
export function Timeline({ entries, author }: { entries: TimelineEntry[]; author: (entry: TimelineEntry) => string }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (entries.length === 0) return <p className="muted">{t('disclosure.timeline.empty')}</p>;
  return (
    <ol className="timeline" data-testid="disclosure-timeline">
      {entries.map((entry) => (
        <li
          key={entry.id}
          className={[
            'timeline-item',
            entry.type === 'comment' ? 'timeline-comment' : '',
            entry.visibility === 'internal' ? 'timeline-internal' : '',
          ].join(' ')}
        >
          <span className="timeline-dot" aria-hidden="true" />
          <div className="timeline-body">
            <p className="timeline-head">
              <EntryTitle entry={entry} />
              {entry.visibility === 'internal' ? <span className="badge badge-internal">{t('disclosure.timeline.internal')}</span> : null}
            </p>
            {entry.body ? <p className="notes timeline-text">{entry.body}</p> : null}
            <p className="timeline-meta">
              {author(entry)} · <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}

/** A comment on the disclosure; staff choose whether the client sees it, a client's is always shared. */
export function CommentForm({ disclosure, staff }: { disclosure: Disclosure; staff: boolean }) {
  const { t } = useTranslation();
  const errorMessages = useErrorMessages();
  const comment = useComment(disclosure.id);
  const clientCanSee = !['draft', 'in_review'].includes(disclosure.status);
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<CommentVisibility>(clientCanSee ? 'client' : 'internal');
  return (
    <form
      className="form form-compact comment-form"
      noValidate
      aria-label={t('disclosure.timeline.commentLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        if (!body.trim() || comment.isPending) return;
        comment.mutate({ body: body.trim(), visibility: staff ? visibility : 'client' }, { onSuccess: () => setBody('') });
      }}
    >
      <ErrorAlert messages={comment.isError ? errorMessages(comment.error) : []} />
      <TextAreaField
        label={t('disclosure.timeline.commentLabel')}
        rows={3}
        value={body}
        onChange={(event) => setBody(event.target.value)}
      />
      <div className="form-actions">
        {staff ? (
          <SelectField
            label={t('disclosure.timeline.visibility')}
            className="field-inline"
            value={visibility}
            onChange={(event) => setVisibility(event.target.value as CommentVisibility)}
          >
            {clientCanSee ? <option value="client">{t('disclosure.timeline.visibilityClient')}</option> : null}
            <option value="internal">{t('disclosure.timeline.visibilityInternal')}</option>
          </SelectField>
        ) : null}
        <SubmitButton pending={comment.isPending}>{t('disclosure.timeline.send')}</SubmitButton>
      </div>
    </form>
  );
}
