import { useId, type ComponentPropsWithRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Labelled form controls. Hint and error are tied to the control with aria-describedby, so a screen
 * reader announces them on focus; the error also marks the control aria-invalid.
 */
interface FieldFrame {
  label: ReactNode;
  hint?: ReactNode;
  /** Already in the reader's language. */
  error?: string | undefined;
  optional?: boolean;
  className?: string;
}

function useFieldIds(hint: ReactNode, error: string | undefined) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, describedBy };
}

function Frame({ frame, ids, children }: { frame: FieldFrame; ids: ReturnType<typeof useFieldIds>; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={['field', frame.className].filter(Boolean).join(' ')}>
      <label className="field-label" htmlFor={ids.id}>
        {frame.label}
        {frame.optional ? <span className="field-optional"> {t('common.optional')}</span> : null}
      </label>
      {children}
      {frame.error ? (
        <p id={ids.errorId} className="field-error">
          {frame.error}
        </p>
      ) : null}
      {frame.hint ? (
        <p id={ids.hintId} className="field-hint">
          {frame.hint}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({
  label,
  hint,
  error,
  optional,
  className,
  ...input
}: FieldFrame & Omit<ComponentPropsWithRef<'input'>, 'id' | 'className'>) {
  const ids = useFieldIds(hint, error);
  return (
    <Frame frame={{ label, hint, error, optional, className }} ids={ids}>
      <input id={ids.id} className="field-input" aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} {...input} />
    </Frame>
  );
}

export function TextAreaField({
  label,
  hint,
  error,
  optional,
  className,
  ...textarea
}: FieldFrame & Omit<ComponentPropsWithRef<'textarea'>, 'id' | 'className'>) {
  const ids = useFieldIds(hint, error);
  return (
    <Frame frame={{ label, hint, error, optional, className }} ids={ids}>
      <textarea
        id={ids.id}
        className="field-input field-textarea"
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        {...textarea}
      />
    </Frame>
  );
}

export function SelectField({
  label,
  hint,
  error,
  optional,
  className,
  children,
  ...select
}: FieldFrame & Omit<ComponentPropsWithRef<'select'>, 'id' | 'className'>) {
  const ids = useFieldIds(hint, error);
  return (
    <Frame frame={{ label, hint, error, optional, className }} ids={ids}>
      <select
        id={ids.id}
        className="field-input field-select"
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        {...select}
      >
        {children}
      </select>
    </Frame>
  );
}
