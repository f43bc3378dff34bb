import type { ReactNode } from 'react';

/** One live region for a form's or a page's problems. Renders nothing when there is nothing to say. */
export function ErrorAlert({ messages, title }: { messages: readonly string[]; title?: string }) {
  if (messages.length === 0) return null;
  return (
    <div className="alert alert-error" role="alert">
      <svg className="alert-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        <circle cx="10" cy="10" r="9" />
        <path d="M10 5.5v5.5M10 14.2v.3" />
      </svg>
      <div>
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

/** A quiet confirmation that something worked; polite, so it never interrupts a screen reader. */
export function SuccessNotice({ children }: { children: ReactNode }) {
  return (
    <div className="alert alert-success" role="status">
      <svg className="alert-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        <circle cx="10" cy="10" r="9" />
        <path d="M6 10.4l2.6 2.6L14 7.6" />
      </svg>
      <p>{children}</p>
    </div>
  );
}

export function Spinner({ large }: { large?: boolean }) {
  return <span className={large ? 'spinner spinner-large' : 'spinner'} aria-hidden="true" />;
}

export function Loading({ label }: { label: string }) {
  return (
    <div className="loading" aria-busy="true">
      <Spinner large />
      <p role="status">{label}</p>
    </div>
  );
}

/** What a list says when it is empty: what will appear here and, where it helps, the way to start. */
export function EmptyState({
  title,
  titleAs: Title = 'p',
  children,
  action,
}: {
  title: string;
  /** A page that is nothing but this message makes its title the page heading. */
  titleAs?: 'p' | 'h1';
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="empty-state">
      <svg className="empty-state-mark" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
        <rect x="6" y="10" width="36" height="28" rx="6" />
        <path d="M6 22h10l3 5h10l3-5h10" />
      </svg>
      <Title className="empty-state-title">{title}</Title>
      {children ? <p className="empty-state-text">{children}</p> : null}
      {action ? <div className="empty-state-action">{action}</div> : null}
    </div>
  );
}
