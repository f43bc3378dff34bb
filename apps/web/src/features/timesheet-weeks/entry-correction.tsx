import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button, ErrorAlert, SubmitButton, SuccessNotice, TextAreaField, TextField } from '../../ui';
import { addAdjustment, updateWorkLog, type AdjustmentInput, type WorkLog, type WorkLogPatch } from '../work-logs/work-log-endpoints';
import { useFieldError } from '../../lib/i18n/use-field-error';
import { useFormErrors } from '../../lib/i18n/use-error-messages';
import { refreshTime } from '../work-logs/time-queries';
import {
  adjustmentSchema,
  correctionFormValues,
  correctionSchema,
  toAdjustment,
  toCorrection,
  type AdjustmentForm,
  type CorrectionForm,
} from './correction-schema';

const CORRECTION_FIELDS = ['startedAt', 'endedAt', 'notes', 'billable', 'reason'] as const;
const ADJUSTMENT_FIELDS = ['minutes', 'notes', 'reason'] as const;

/** After a change the week's totals and this entry's trail are stale. */
function useRefreshEntry(id: string) {
  const queryClient = useQueryClient();
  return () => Promise.all([refreshTime(queryClient), queryClient.invalidateQueries({ queryKey: ['work-log-trail', id] })]);
}

function CorrectForm({ entry, onDone, onCancel }: { entry: WorkLog; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const refresh = useRefreshEntry(entry.id);
  const [unchanged, setUnchanged] = useState(false);
  const save = useMutation({ mutationFn: (patch: WorkLogPatch) => updateWorkLog(entry.id, patch), onSuccess: refresh });
  const server = useFormErrors(save.error, CORRECTION_FIELDS);
  const form = useForm<CorrectionForm>({ resolver: zodResolver(correctionSchema), defaultValues: correctionFormValues(entry) });
  const { errors } = form.formState;
  return (
    <form
      className="form form-compact inline-action"
      noValidate
      aria-label={t('correction.correct')}
      onSubmit={form.handleSubmit((values) => {
        if (save.isPending) return;
        const patch = toCorrection(entry, values);
        setUnchanged(patch === null);
        if (patch) save.mutate(patch, { onSuccess: onDone });
      })}
    >
      <ErrorAlert messages={unchanged ? [t('correction.unchanged')] : server.alert} />
      <div className="field-row">
        <TextField type="date" label={t('correction.day')} error={fieldError(errors.day)} {...form.register('day')} />
        <TextField
          type="time"
          label={t('correction.start')}
          error={fieldError(errors.start) ?? server.field('startedAt')}
          {...form.register('start')}
        />
        <TextField
          type="time"
          label={t('correction.end')}
          error={fieldError(errors.end) ?? server.field('endedAt')}
          {...form.register('end')}
        />
      </div>
      <TextAreaField
        label={t('correction.notes')}
        rows={2}
        error={fieldError(errors.notes) ?? server.field('notes')}
        {...form.register('notes')}
      />
      <label className="checkbox">
        <input type="checkbox" {...form.register('billable')} />
        <span>{t('correction.billable')}</span>
      </label>
      <TextAreaField
        label={t('correction.reason')}
        hint={t('correction.reasonHint')}
        rows={2}
        error={fieldError(errors.reason) ?? server.field('reason')}
        {...form.register('reason')}
      />
      <div className="form-actions">
        <SubmitButton pending={save.isPending}>{t('correction.save')}</SubmitButton>
        <Button variant="quiet" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

function AdjustForm({ entry, onDone, onCancel }: { entry: WorkLog; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const refresh = useRefreshEntry(entry.id);
  const add = useMutation({ mutationFn: (input: AdjustmentInput) => addAdjustment(entry.id, input), onSuccess: refresh });
  // "This would take off more time than was logged" is a 400 about the minutes.
  const server = useFormErrors(add.error, ADJUSTMENT_FIELDS);
  const tooMuch = server.alert.find((message) => /more time than was logged/i.test(message));
  const form = useForm<AdjustmentForm>({ resolver: zodResolver(adjustmentSchema), defaultValues: { minutes: '', notes: '', reason: '' } });
  const { errors } = form.formState;
  return (
    <form
      className="form form-compact inline-action"
      noValidate
      aria-label={t('correction.adjust')}
      onSubmit={form.handleSubmit((values) => {
        const input = toAdjustment(values);
        if (add.isPending) return;
        if (!input) {
          form.setError('minutes', { message: 'validation.minutesInvalid' });
          return;
        }
        add.mutate(input, { onSuccess: onDone });
      })}
    >
      <ErrorAlert messages={server.alert.filter((message) => message !== tooMuch)} />
      <p className="field-hint">{t('correction.adjustExplained')}</p>
      <TextField
        label={t('correction.minutes')}
        hint={t('correction.minutesHint')}
        inputMode="numeric"
        className="field-narrow"
        error={fieldError(errors.minutes) ?? server.field('minutes') ?? tooMuch}
        {...form.register('minutes')}
      />
      <TextAreaField
        label={t('correction.notes')}
        rows={2}
        error={fieldError(errors.notes) ?? server.field('notes')}
        {...form.register('notes')}
      />
      <TextAreaField
        label={t('correction.reason')}
        hint={t('correction.reasonHint')}
        rows={2}
        error={fieldError(errors.reason) ?? server.field('reason')}
        {...form.register('reason')}
      />
      <div className="form-actions">
        <SubmitButton pending={add.isPending}>{t('correction.addAdjustment')}</SubmitButton>
        <Button variant="quiet" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

/**
 * Staff correct a submitted or disputed entry with a reason, and a locked one (approved week) with an
 * adjusting entry of plus or minus some minutes; both land in the entry's edit trail for the client.
 */
export function EntryCorrection({ entry }: { entry: WorkLog }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const locked = entry.status === 'locked';
  if (entry.status === 'draft' || entry.source === 'adjustment') return null;
  if (!open) {
    return (
      <div className="entry-actions">
        {done ? <SuccessNotice>{done}</SuccessNotice> : null}
        <Button
          variant="quiet"
          onClick={() => {
            setDone(null);
            setOpen(true);
          }}
        >
          {locked ? t('correction.adjust') : t('correction.correct')}
        </Button>
      </div>
    );
  }
  const close = (message: string | null) => () => {
    setOpen(false);
    setDone(message);
  };
  return locked ? (
    <AdjustForm entry={entry} onDone={close(t('correction.adjusted'))} onCancel={close(null)} />
  ) : (
    <CorrectForm entry={entry} onDone={close(t('correction.corrected'))} onCancel={close(null)} />
  );
}
