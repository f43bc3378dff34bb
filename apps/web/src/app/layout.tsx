import { Link, Outlet } from 'react-router';
import { Card } from './ui';

function BrandMark() {
  return (
    <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" />
      <path d="M21.5 11.2A7 7 0 1 0 21.5 20.8" />
    </svg>
  );
}

export function Layout() {
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          <BrandMark />
          <span className="brand-name">Candor</span>
        </Link>
      </header>
      <main id="main" className="site-main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">Candor · Client portal</footer>
    </div>
  );
}

export function NotFoundPage() {
  return (
    <Card title="Page not found" description="The page you were looking for doesn't exist or has moved.">
      <title>Page not found · Candor</title>
      <p className="card-actions">
        <Link to="/" className="button button-secondary">
          Go to your portal
        </Link>
      </p>
    </Card>
  );
}
