import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ErrorAlert, SubmitButton, TextAreaField } from '../../ui';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';

/**
 * A button that opens a small form asking for one text (a reason, an outcome, a comment), then runs
 * the action with it. Many disclosure steps need exactly this; one component keeps them alike.
 */
export function TextActionButton({
  label,
  fieldLabel,
  hint,
  submitLabel,
  required = true,
  variant = 'secondary',
  onSubmit,
  pending,
  error,
  extra,
}: {
  label: string;
  fieldLabel: string;
  hint?: string;
  submitLabel?: string;
  required?: boolean;
  variant?: 'primary' | 'secondary' | 'quiet';
  onSubmit: (text: string, done: () => void) => void;
  pending: boolean;
  error: unknown;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <InlineForm
      label={label}
      variant={variant}
      open={open}
      setOpen={setOpen}
      pending={pending}
      submitLabel={submitLabel}
      error={error}
      onSubmit={() => {
        if (required && !text.trim()) {
          setMissing(true);
          return;
        }
        onSubmit(text.trim(), () => {
          setOpen(false);
          setText('');
        });
      }}
    >
      <TextAreaField
        label={fieldLabel}
        hint={hint}
        rows={3}
        optional={!required}
        value={text}
        error={missing && !text.trim() ? t('validation.textRequired') : undefined}
        onChange={(event) => setText(event.target.value)}
      />
      {extra}
    </InlineForm>
  );
}

/** A step's button that opens its small form in place: the fields, the API's refusal, submit and cancel. */
export function InlineForm({
  label,
  variant,
  open,
  setOpen,
  pending,
  submitLabel,
  error,
  onSubmit,
  children,
}: {
  label: string;
  variant: 'primary' | 'secondary' | 'quiet';
  open: boolean;
  setOpen: (open: boolean) => void;
  pending: boolean;
  submitLabel?: string;
  error: unknown;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const errorMessages = useErrorMessages();
  if (!open) {
    return (
      <Button variant={variant} onClick={() => setOpen(true)}>
        {label}
      </Button>
    );
  }
  return (
    <form
      className="form form-compact inline-action"
      noValidate
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        if (!pending) onSubmit();
      }}
    >
      <ErrorAlert messages={error ? errorMessages(error) : []} />
      {children}
      <div className="form-actions">
        <SubmitButton pending={pending}>{submitLabel ?? label}</SubmitButton>
        <Button variant="quiet" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
