import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button, ErrorAlert, SubmitButton, TextAreaField } from '../../ui';
import type { Week } from './timesheet-week-endpoints';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { useFieldError } from '../../lib/i18n/use-field-error';
import { EntrySummary } from '../work-logs/entry-summary';
import { disputeFormValues, disputeSchema, toDisputedEntries, type DisputeForm } from './dispute-schema';
import { useApproveWeek, useDisputeWeek } from './week-queries';

/** Choose the entries to question, each with a comment; the rest of the week stays as submitted. */
function DisputeEntries({ week, onDone }: { week: Week; onDone: () => void }) {
  const { t } = useTranslation();
  const errorMessages = useErrorMessages();
  const fieldError = useFieldError();
  const dispute = useDisputeWeek(week.id);
  const entries = (week.entries ?? []).filter((entry) => entry.status === 'submitted');
  const form = useForm<DisputeForm>({ resolver: zodResolver(disputeSchema), defaultValues: disputeFormValues(entries.map((e) => e.id)) });
  const chosen = useWatch({ control: form.control, name: 'entries' });
  const { errors } = form.formState;
  const chooseError = fieldError(errors.root as FieldError | undefined);

  return (
    <form
      className="form form-compact dispute-form"
      noValidate
      aria-label={t('weeks.disputeTitle')}
      onSubmit={form.handleSubmit((values) => {
        if (!dispute.isPending) dispute.mutate(toDisputedEntries(values), { onSuccess: onDone });
      })}
    >
      <p className="muted">{t('weeks.disputeIntro')}</p>
      <ErrorAlert messages={[...(chooseError ? [chooseError] : []), ...(dispute.isError ? errorMessages(dispute.error) : [])]} />
      <ul className="entry-list">
        {entries.map((entry) => (
          <li key={entry.id} className="entry-item">
            <EntrySummary entry={entry} />
            <label className="checkbox">
              <input type="checkbox" {...form.register(`entries.${entry.id}.disputed`)} />
              <span>{t('weeks.disputeThis')}</span>
            </label>
            {chosen[entry.id]?.disputed ? (
              <TextAreaField
                label={t('weeks.disputeComment')}
                hint={t('weeks.disputeCommentHint')}
                rows={2}
                error={fieldError(errors.entries?.[entry.id]?.comment)}
                {...form.register(`entries.${entry.id}.comment`)}
              />
            ) : null}
          </li>
        ))}
      </ul>
      <div className="form-actions">
        <SubmitButton pending={dispute.isPending}>{t('weeks.disputeSubmit')}</SubmitButton>
        <Button variant="quiet" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** The client admin's decision on a submitted week: approve it all, or dispute chosen entries. */
export function WeekDecision({ week }: { week: Week }) {
  const { t } = useTranslation();
  const errorMessages = useErrorMessages();
  const approve = useApproveWeek(week.id);
  const [disputing, setDisputing] = useState(false);

  if (disputing) return <DisputeEntries week={week} onDone={() => setDisputing(false)} />;
  return (
    <div className="decision">
      <p>{t('weeks.decideIntro')}</p>
      <ErrorAlert messages={approve.isError ? errorMessages(approve.error) : []} />
      <div className="form-actions">
        <Button variant="primary" pending={approve.isPending} onClick={() => !approve.isPending && approve.mutate()}>
          {t('weeks.approve')}
        </Button>
        <Button onClick={() => setDisputing(true)}>{t('weeks.dispute')}</Button>
      </div>
    </div>
  );
}
