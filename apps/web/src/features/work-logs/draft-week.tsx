import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ErrorAlert } from '../../ui';
import type { WorkLog } from './work-log-endpoints';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { useFormat } from '../../lib/i18n/use-format';
import { EntryForm } from './entry-form';
import { entryFormValues, toWorkLogPatch } from './entry-schema';
import { EntrySummary } from './entry-summary';
import { EntryStatusBadge } from './status-badges';
import { useDeleteWorkLog, useSubmitWeek, useUpdateWorkLog } from './time-queries';

export interface DraftGroup {
  engagementId: string;
  engagementName: string;
  weekStart: string;
  entries: WorkLog[];
}

function DraftEntry({ entry }: { entry: WorkLog }) {
  const { t } = useTranslation();
  const errorMessages = useErrorMessages();
  const update = useUpdateWorkLog();
  const remove = useDeleteWorkLog();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);

  if (editing) {
    return (
      <li className="entry-item entry-item-editing">
        <EntryForm
          initial={entryFormValues(entry)}
          fixedEngagement
          submitLabel={t('common.saveChanges')}
          pending={update.isPending}
          error={update.error}
          onSubmit={(values) =>
            update.mutate({ id: entry.id, patch: toWorkLogPatch(entry, values) }, { onSuccess: () => setEditing(false) })
          }
          onCancel={() => setEditing(false)}
        />
      </li>
    );
  }
  return (
    <li className="entry-item">
      <EntrySummary entry={entry} badges={entry.running ? <EntryStatusBadge status="draft" /> : null} />
      {entry.running ? null : (
        <div className="entry-actions">
          {confirming ? (
            <>
              <span className="entry-confirm">{t('time.confirmDelete')}</span>
              <Button variant="primary" pending={remove.isPending} onClick={() => !remove.isPending && remove.mutate(entry.id)}>
                {t('time.delete')}
              </Button>
              <Button variant="quiet" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </Button>
            </>
          ) : (
            <>
              <Button
                variant="quiet"
                onClick={() => setEditing(true)}
                aria-label={t('time.editEntry', { notes: entry.notes || t('time.noNotes') })}
              >
                {t('common.edit')}
              </Button>
              <Button
                variant="quiet"
                onClick={() => setConfirming(true)}
                aria-label={t('time.deleteEntry', { notes: entry.notes || t('time.noNotes') })}
              >
                {t('time.delete')}
              </Button>
            </>
          )}
        </div>
      )}
      <ErrorAlert messages={remove.isError ? errorMessages(remove.error) : []} />
    </li>
  );
}

/** One engagement's unsubmitted time in one week, and the button that sends it to the client. */
export function DraftWeek({ group, onSubmitted }: { group: DraftGroup; onSubmitted: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorMessages = useErrorMessages();
  const submit = useSubmitWeek();
  const seconds = group.entries.reduce((sum, entry) => sum + (entry.durationSeconds ?? 0), 0);
  const headingId = `draft-${group.engagementId}-${group.weekStart}`;
  // Submitting sends the week to the client; after that every change needs a reason they read.
  const [confirming, setConfirming] = useState(false);

  return (
    <section className="draft-week" aria-labelledby={headingId}>
      <header className="draft-week-header">
        <div>
          <h3 id={headingId} className="draft-week-title">
            {group.engagementName}
          </h3>
          <p className="draft-week-meta">
            {t('time.weekOf', { range: format.weekRange(group.weekStart) })} · {t('time.total', { hours: format.hours(seconds) })}
          </p>
        </div>
        {confirming ? null : (
          <Button variant="primary" onClick={() => setConfirming(true)}>
            {t('time.submitWeek')}
          </Button>
        )}
      </header>
      {confirming ? (
        <div className="draft-week-confirm" role="group" aria-label={t('time.confirmSubmitTitle')}>
          <p>{t('time.confirmSubmit', { hours: format.hours(seconds), range: format.weekRange(group.weekStart) })}</p>
          <div className="form-actions">
            <Button
              variant="primary"
              pending={submit.isPending}
              onClick={() => {
                if (submit.isPending) return;
                // The promise, not mutate's onSuccess: this group leaves the list (unmounts) as the drafts refresh.
                submit
                  .mutateAsync({ engagementId: group.engagementId, weekStart: group.weekStart })
                  .then(onSubmitted, () => setConfirming(false));
              }}
            >
              {t('time.confirmSubmitAction')}
            </Button>
            <Button variant="quiet" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </div>
      ) : null}
      <ErrorAlert
        title={submit.isError ? t('time.submitFailed') : undefined}
        messages={submit.isError ? errorMessages(submit.error) : []}
      />
      <ul className="entry-list">
        {group.entries.map((entry) => (
          <DraftEntry key={entry.id} entry={entry} />
        ))}
      </ul>
    </section>
  );
}
