import { createContext, useContext, useId, type ReactNode } from 'react';

/** Whose portal this is, for document titles: the agency's brand name once signed in, Candor before. */
export const SiteName = createContext('Candor');

/** The document title every screen sets: "<page> · <agency>". React 19 hoists <title> into <head>. */
export function PageTitle({ children }: { children: string }) {
  return <title>{`${children} · ${useContext(SiteName)}`}</title>;
}

/** A page inside the signed-in shell: heading, an optional line of context, actions at the end. */
export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="page-header">
      <PageTitle>{title}</PageTitle>
      <div className="page-header-text">
        <h1 className="page-title">{title}</h1>
        {description ? <p className="page-description">{description}</p> : null}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </header>
  );
}

/** A titled block of a page: a card with its own heading (h2) and optional actions. */
export function Section({
  title,
  description,
  actions,
  children,
  className,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const headingId = useId();
  return (
    <section className={['panel', className].filter(Boolean).join(' ')} aria-labelledby={headingId}>
      <div className="panel-header">
        <div>
          <h2 id={headingId} className="panel-title">
            {title}
          </h2>
          {description ? <p className="panel-description">{description}</p> : null}
        </div>
        {actions ? <div className="panel-actions">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}

/** The centered card of the signed-out pages (sign in, accept an invitation). */
export function Card({ title, description, children }: { title: ReactNode; description?: ReactNode; children?: ReactNode }) {
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
