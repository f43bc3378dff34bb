import { Link } from 'react-router';
import type { Brand as AgencyBrand } from '../../features/brand/brand-endpoints';

export function BrandMark() {
  return (
    <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" />
      <path d="M21.5 11.2A7 7 0 1 0 21.5 20.8" />
    </svg>
  );
}

/**
 * The portal's name in the header, leading home. An agency with a brand shows its logo and name alone
 * (Candor then appears once, small, in the footer); otherwise Candor's mark and name, with the
 * agency's name beside them when someone is signed in.
 */
export function Brand({ tenantName, brand }: { tenantName?: string; brand?: AgencyBrand }) {
  if (brand?.customized) {
    return (
      <Link to="/" className="brand brand-agency" data-testid="brand">
        {brand.logoUrl ? <img className="brand-logo" src={brand.logoUrl} alt="" /> : null}
        <span className="brand-name" dir="auto">
          {brand.name}
        </span>
      </Link>
    );
  }
  return (
    <Link to="/" className="brand" data-testid="brand">
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
