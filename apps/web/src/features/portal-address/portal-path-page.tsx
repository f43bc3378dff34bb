import { Navigate, useLocation, useParams } from 'react-router';
import { LoginPage } from '../auth/login-page';
import { portalTarget, rememberPortalSlug } from './portal-slug';

/** `/a/<slug>/...`: the agency's sign-in page, or (links in its emails) the page named after the prefix. */
export function PortalPathPage() {
  const { slug = '', '*': rest } = useParams();
  const location = useLocation();
  const target = portalTarget(rest, location.search);
  rememberPortalSlug(slug);
  if (target.login) return <LoginPage portalSlug={slug} />;
  return <Navigate to={target.to} replace />;
}
