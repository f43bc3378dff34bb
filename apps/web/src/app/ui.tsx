import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

/** Small shared building blocks: a centered card, labelled fields, an alert region, a button. */

export function Card({
  title,
  description,
  children,
}: {
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
}) {
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h1 id={headingId} className="card-title">
        {title}
      </h1>
      {description ? <div className="card-description">{description}</div> : null}
      {children}
    </section>
  );
}

type FieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & {
  label: ReactNode;
  hint?: ReactNode;
  invalid?: boolean;
};

export function Field({ label, hint, invalid, className, ...input }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="field-input"
        aria-invalid={invalid || undefined}
        aria-describedby={hintId}
        {...input}
      />
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** One live region for a form's problems. Renders nothing when there is nothing to say. */
export function ErrorAlert({ messages, title }: { messages: readonly string[]; title?: string }) {
  if (messages.length === 0) return null;
  return (
    <div className="alert" role="alert">
      <svg className="alert-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        <circle cx="10" cy="10" r="9" />
        <path d="M10 5.5v5.5M10 14.2v.3" />
      </svg>
      <div className="alert-body">
        {title ? <p className="alert-title">{title}</p> : null}
        {messages.length === 1 ? (
          <p>{messages[0]}</p>
        ) : (
          <ul>
            {messages.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

export function SubmitButton({ children, pending }: { children: ReactNode; pending: boolean }) {
  return (
    <button type="submit" className="button button-primary button-block" aria-disabled={pending || undefined}>
      {pending ? <span className="spinner" aria-hidden="true" /> : null}
      <span>{children}</span>
    </button>
  );
}

export function LoadingCard({ label }: { label: string }) {
  return (
    <section className="card card-loading" aria-busy="true">
      <span className="spinner spinner-large" aria-hidden="true" />
      <p role="status">{label}</p>
    </section>
  );
}
