import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ErrorAlert, TextAreaField, TextField } from '../../ui';
import type { StaffDisclosure } from './disclosure-endpoints';
import { toLocalInput } from '../../lib/format';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { useStep } from './disclosure-queries';
import { InlineForm, TextActionButton } from './inline-form';

/** Steps the client takes; staff wait for them. */
const CLIENT_STEPS = new Set(['acknowledged', 'remedy_accepted', 'remedy_changes_requested']);

function ProposeRemedy({ disclosure }: { disclosure: StaffDisclosure }) {
  const { t } = useTranslation();
  const step = useStep(disclosure.id);
  const [open, setOpen] = useState(false);
  const [plan, setPlan] = useState(disclosure.remedyPlan);
  const [due, setDue] = useState(
    disclosure.remedyDueAt && new Date(disclosure.remedyDueAt) > new Date() ? toLocalInput(new Date(disclosure.remedyDueAt)) : '',
  );
  const label = disclosure.remedyRounds > 0 ? t('disclosure.staff.proposeRemedyAgain') : t('disclosure.staff.proposeRemedy');
  return (
    <InlineForm
      label={label}
      variant="primary"
      open={open}
      setOpen={setOpen}
      pending={step.isPending}
      error={step.error}
      onSubmit={() => {
        step.mutate(
          { step: 'propose-remedy', remedyPlan: plan.trim(), ...(due ? { remedyDueAt: new Date(due).toISOString() } : {}) },
          { onSuccess: () => setOpen(false) },
        );
      }}
    >
      <TextAreaField
        label={t('disclosure.editor.remedyPlan')}
        hint={t('disclosure.editor.remedyPlanHint')}
        rows={4}
        value={plan}
        onChange={(event) => setPlan(event.target.value)}
      />
      <TextField
        type="datetime-local"
        label={t('disclosure.editor.remedyDueAt')}
        value={due}
        onChange={(event) => setDue(event.target.value)}
      />
    </InlineForm>
  );
}

function Resolve({ disclosure }: { disclosure: StaffDisclosure }) {
  const { t } = useTranslation();
  const step = useStep(disclosure.id);
  const [prevention, setPrevention] = useState(disclosure.preventionSummary || disclosure.preventiveActions);
  return (
    <TextActionButton
      label={t('disclosure.staff.resolve')}
      fieldLabel={t('disclosure.staff.resolutionSummary')}
      hint={t('disclosure.staff.resolutionHint')}
      variant="primary"
      pending={step.isPending}
      error={step.error}
      extra={
        <TextAreaField
          label={t('disclosure.staff.preventionSummary')}
          hint={t('disclosure.staff.preventionHint')}
          optional
          rows={3}
          value={prevention}
          onChange={(event) => setPrevention(event.target.value)}
        />
      }
      onSubmit={(resolutionSummary, done) =>
        step.mutate(
          { step: 'resolve', resolutionSummary, ...(prevention.trim() ? { preventionSummary: prevention.trim() } : {}) },
          { onSuccess: done },
        )
      }
    />
  );
}

/** The next steps the lifecycle allows the team from here, as buttons; the client's steps as a note. */
export function StaffSteps({ disclosure, reviewer }: { disclosure: StaffDisclosure; reviewer: boolean }) {
  const { t } = useTranslation();
  const errorMessages = useErrorMessages();
  const step = useStep(disclosure.id);
  const next = disclosure.allowedNextStatuses;
  const team = next.filter((status) => !CLIENT_STEPS.has(status));
  if (next.length === 0) return <p className="muted">{t('disclosure.staff.noSteps')}</p>;
  const simple = (label: string, action: 'start-remediation' | 'close', hint?: string) => (
    <div>
      <Button variant="primary" pending={step.isPending} onClick={() => !step.isPending && step.mutate({ step: action })}>
        {label}
      </Button>
      {hint ? <p className="field-hint">{hint}</p> : null}
    </div>
  );
  return (
    <div className="steps" data-testid="staff-steps">
      <ErrorAlert messages={step.isError ? errorMessages(step.error) : []} />
      {team.length < next.length ? <p className="note">{t('disclosure.staff.waitingClient')}</p> : null}
      <div className="form-actions form-actions-stack">
        {team.includes('remedy_proposed') ? <ProposeRemedy disclosure={disclosure} /> : null}
        {team.includes('in_remediation') ? simple(t('disclosure.staff.startRemediation'), 'start-remediation') : null}
        {team.includes('resolved') ? <Resolve disclosure={disclosure} /> : null}
        {team.includes('closed') ? simple(t('disclosure.staff.close'), 'close', t('disclosure.staff.closeHint')) : null}
        {team.includes('draft') && reviewer ? (
          <TextActionButton
            label={t('disclosure.staff.returnToDraft')}
            fieldLabel={t('disclosure.staff.returnNote')}
            pending={step.isPending}
            error={step.error}
            onSubmit={(note, done) => step.mutate({ step: 'return-to-draft', note }, { onSuccess: done })}
          />
        ) : null}
      </div>
    </div>
  );
}
