import type { ReactNode } from 'react';
import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DETECTED_BY, DISCLOSURE_CATEGORIES, DISCLOSURE_SEVERITIES } from '@candor/domain';
import { SelectField, TextAreaField, TextField } from '../../ui';
import { useFieldError } from '../../lib/i18n/use-field-error';
import type { ClientField, DisclosureForm } from './disclosure-schema';

const STEPS = ['facts', 'impact', 'apology', 'remedy', 'offer', 'internal'] as const;
type StepName = (typeof STEPS)[number];
const stepKey = (step: StepName) =>
  `disclosure.editor.step${step.charAt(0).toUpperCase()}${step.slice(1)}` as 'disclosure.editor.stepFacts';

/** The numbered list of steps at the top of the editor, each a link to its part of the form. */
export function StepNav() {
  const { t } = useTranslation();
  return (
    <nav className="editor-steps" aria-label={t('disclosure.editor.basicsTitle')}>
      <ol>
        {STEPS.map((step, index) => (
          <li key={step}>
            <a href={`#step-${step}`}>
              <span aria-hidden="true">{index + 1}</span> {t(stepKey(step))}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** One numbered part of the editor; the internal one is marked as the team's only. */
export function EditorStep({
  step,
  title,
  hint,
  children,
  internal,
}: {
  step: StepName;
  title?: string;
  hint?: string;
  children: ReactNode;
  internal?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <fieldset id={`step-${step}`} className={internal ? 'editor-step editor-step-internal' : 'editor-step'}>
      <legend className="editor-step-title">
        <span className="editor-step-number" aria-hidden="true">
          {STEPS.indexOf(step) + 1}
        </span>
        {title ?? t(stepKey(step))}
      </legend>
      {hint ? <p className="field-hint editor-step-hint">{hint}</p> : null}
      {children}
    </fieldset>
  );
}

interface StepProps {
  register: UseFormRegister<DisclosureForm>;
  errors: FieldErrors<DisclosureForm>;
  /** A client-facing field's error: the form's own check, or where the API's refusal pointed. */
  clientFieldError: (field: ClientField) => string | undefined;
}

function ClientText({ field, rows = 4, register, clientFieldError }: Omit<StepProps, 'errors'> & { field: ClientField; rows?: number }) {
  const { t } = useTranslation();
  return (
    <TextAreaField
      label={t(`disclosure.editor.${field}`)}
      hint={t(`disclosure.editor.${field}Hint`)}
      rows={rows}
      error={clientFieldError(field)}
      {...register(field)}
    />
  );
}

/** Step 1: what kind of error, how serious, who found it, when, and what happened. */
export function FactsStep({ register, errors, clientFieldError }: StepProps) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  return (
    <EditorStep step="facts">
      <div className="field-row">
        <SelectField label={t('disclosure.editor.category')} {...register('category')}>
          {DISCLOSURE_CATEGORIES.map((value) => (
            <option key={value} value={value}>
              {t(`disclosure.category.${value}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('disclosure.editor.severity')} {...register('severity')}>
          {DISCLOSURE_SEVERITIES.map((value) => (
            <option key={value} value={value}>
              {t(`disclosure.severity.${value}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('disclosure.editor.detectedBy')} {...register('detectedBy')}>
          {DETECTED_BY.map((value) => (
            <option key={value} value={value}>
              {t(`disclosure.detectedBy.${value}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="field-row">
        <TextField
          type="datetime-local"
          label={t('disclosure.editor.occurredAt')}
          error={fieldError(errors.occurredAt)}
          {...register('occurredAt')}
        />
        <TextField
          type="datetime-local"
          label={t('disclosure.editor.discoveredAt')}
          hint={t('disclosure.editor.discoveredHint')}
          error={fieldError(errors.discoveredAt)}
          {...register('discoveredAt')}
        />
      </div>
      <ClientText field="whatHappened" rows={5} register={register} clientFieldError={clientFieldError} />
    </EditorStep>
  );
}

/** Steps 2 to 4: the impact, the apology and the remedy, all read by the client. */
export function ClientWordsSteps({ register, errors, clientFieldError, agreed }: StepProps & { agreed: boolean }) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const text = { register, clientFieldError };
  return (
    <>
      <EditorStep step="impact">
        <ClientText field="impact" {...text} />
      </EditorStep>
      <EditorStep step="apology">
        <ClientText field="apology" rows={3} {...text} />
      </EditorStep>
      <EditorStep step="remedy">
        {agreed ? (
          <p className="field-hint" data-testid="agreed-remedy-note">
            {t('disclosure.editor.agreedRemedy')}
          </p>
        ) : null}
        <ClientText field="remedyPlan" {...text} />
        <TextField
          type="datetime-local"
          label={t('disclosure.editor.remedyDueAt')}
          optional
          error={fieldError(errors.remedyDueAt)}
          {...register('remedyDueAt')}
        />
      </EditorStep>
    </>
  );
}
