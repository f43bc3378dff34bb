import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { AcceptInvitePage } from '../features/auth/accept-invite-page';
import { ConfirmEmailChangePage, ConfirmEmailPage, MagicLinkLandingPage } from '../features/auth/email-link-pages';
import { LoginPage } from '../features/auth/login-page';
import { MagicLinkPage } from '../features/auth/magic-link-page';
import { ForgotPasswordPage, ResetPasswordPage } from '../features/auth/password-pages';
import { SignUpPage } from '../features/auth/sign-up-page';
import { TwoFactorStepPage } from '../features/auth/two-factor-step-page';
import { DashboardPage } from '../features/dashboard/dashboard-page';
import { PortalPathPage } from '../features/portal-address/portal-path-page';
import { AppShell } from './layout/app-shell';
import { NotFoundPage } from './layout/not-found-page';
import { PublicLayout } from './layout/public-layout';

// The sign-in path and the dashboards ship in the first download; the management pages (and their form
// code) load when first visited.
const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    children: [
      { path: '/login', element: <LoginPage /> },
      // An agency's address without a domain of its own: its sign-in page, and the links of its emails.
      { path: '/a/:slug/*', element: <PortalPathPage /> },
      { path: '/accept-invite', element: <AcceptInvitePage /> },
      {
        path: '/unsubscribe',
        lazy: async () => ({ Component: (await import('../features/me/unsubscribe-page')).UnsubscribePage }),
      },
      { path: '/signup', element: <SignUpPage /> },
      { path: '/confirm-email', element: <ConfirmEmailPage /> },
      { path: '/confirm-email-change', element: <ConfirmEmailChangePage /> },
      { path: '/login/email', element: <MagicLinkPage /> },
      { path: '/magic-link', element: <MagicLinkLandingPage /> },
      { path: '/login/two-factor', element: <TwoFactorStepPage /> },
      { path: '/forgot-password', element: <ForgotPasswordPage /> },
      { path: '/reset-password', element: <ResetPasswordPage /> },
    ],
  },
  {
    element: <AppShell />,
    children: [
      { path: '/', element: <DashboardPage /> },
      {
        path: '/profile/security',
        lazy: async () => ({ Component: (await import('../features/auth/security-page')).SecurityPage }),
      },
      { path: '/team', lazy: async () => ({ Component: (await import('../features/members/team-page')).TeamPage }) },
      {
        path: '/clients',
        lazy: async () => ({ Component: (await import('../features/client-accounts/clients-page')).ClientsPage }),
      },
      {
        path: '/clients/:id',
        lazy: async () => ({ Component: (await import('../features/client-accounts/client-page')).ClientPage }),
      },
      {
        path: '/engagements',
        lazy: async () => ({ Component: (await import('../features/engagements/engagements-page')).EngagementsPage }),
      },
      {
        path: '/engagements/:id',
        lazy: async () => ({ Component: (await import('../features/engagements/engagement-page')).EngagementPage }),
      },
      {
        path: '/engagements/:id/weeks/:weekId',
        lazy: async () => ({ Component: (await import('../features/timesheet-weeks/week-page')).WeekPage }),
      },
      {
        path: '/engagements/:id/timesheet',
        lazy: async () => ({ Component: (await import('../features/timesheets/timesheet-page')).TimesheetPage }),
      },
      {
        path: '/profile',
        lazy: async () => ({ Component: (await import('../features/me/profile-page')).ProfilePage }),
      },
      {
        path: '/account',
        lazy: async () => ({ Component: (await import('../features/client-accounts/account-page')).AccountPage }),
      },
      {
        path: '/engagements/:id/disclosures/new',
        lazy: async () => ({ Component: (await import('../features/disclosures/new-disclosure-page')).NewDisclosurePage }),
      },
      {
        path: '/disclosures/new',
        lazy: async () => ({ Component: (await import('../features/disclosures/new-disclosure-page')).LateWorkDisclosurePage }),
      },
      {
        path: '/deliverables/:id',
        lazy: async () => ({ Component: (await import('../features/deliverables/deliverable-page')).DeliverablePage }),
      },
      {
        path: '/audit',
        lazy: async () => ({ Component: (await import('../features/audit/audit-page')).AuditPage }),
      },
      {
        path: '/deliveries',
        lazy: async () => ({ Component: (await import('../features/delivery-failures/deliveries-page')).DeliveriesPage }),
      },
      {
        path: '/disclosures/:id',
        lazy: async () => ({ Component: (await import('../features/disclosures/disclosure-page')).DisclosurePage }),
      },
      {
        path: '/analytics',
        lazy: async () => ({ Component: (await import('../features/disclosure-insights/analytics-page')).AnalyticsPage }),
      },
      {
        path: '/lessons',
        lazy: async () => ({ Component: (await import('../features/disclosure-insights/lessons-page')).LessonsPage }),
      },
      {
        path: '/settings/api-keys',
        lazy: async () => ({ Component: (await import('../features/api-keys/api-keys-page')).ApiKeysPage }),
      },
      {
        path: '/settings',
        lazy: async () => ({ Component: (await import('../features/tenant/settings-page')).SettingsPage }),
      },
      {
        path: '/settings/brand',
        lazy: async () => ({ Component: (await import('../features/brand/brand-page')).BrandPage }),
      },
      {
        path: '/settings/webhooks',
        lazy: async () => ({ Component: (await import('../features/webhooks/webhooks-page')).WebhooksPage }),
      },
      {
        path: '/settings/portal-address',
        lazy: async () => ({ Component: (await import('../features/portal-address/portal-address-page')).PortalAddressPage }),
      },
      {
        path: '/credits',
        lazy: async () => ({ Component: (await import('../features/disclosure-insights/client-record-pages')).CreditsPage }),
      },
      {
        path: '/service-record',
        lazy: async () => ({ Component: (await import('../features/disclosure-insights/client-record-pages')).ServiceRecordPage }),
      },
      {
        path: '/clients/:id/credits',
        lazy: async () => ({ Component: (await import('../features/disclosure-insights/client-record-pages')).CreditsPage }),
      },
      {
        path: '/clients/:id/service-record',
        lazy: async () => ({ Component: (await import('../features/disclosure-insights/client-record-pages')).ServiceRecordPage }),
      },
      {
        path: '/invoices',
        lazy: async () => ({ Component: (await import('../features/invoices/invoices-page')).InvoicesPage }),
      },
      {
        path: '/invoices/:id',
        lazy: async () => ({ Component: (await import('../features/invoices/invoice-page')).InvoicePage }),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
