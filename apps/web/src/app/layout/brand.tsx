import { Link } from 'react-router';

export function BrandMark() {
  return (
    <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" />
      <path d="M21.5 11.2A7 7 0 1 0 21.5 20.8" />
    </svg>
  );
}

/** The product name, and the agency's name beside it when someone is signed in; both lead home. */
export function Brand({ tenantName }: { tenantName?: string }) {
  return (
    <Link to="/" className="brand">
      <BrandMark />
      <span className="brand-name">Candor</span>
      {tenantName ? (
        <>
          <span className="brand-divider" aria-hidden="true" />
          <span className="brand-tenant" dir="auto">
            {tenantName}
          </span>
        </>
      ) : null}
    </Link>
  );
}
