import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader, QueryView, Section } from '../../ui';
import { useMember } from './current-member';
import { EmailPreferences } from './email-preferences';
import { ProfileDetailsForm } from './profile-details-form';
import { useNotificationPreferences } from './profile-queries';

/** Every user's own settings: name, language, time zone, how often each kind of email comes, and the way to sign-in security. */
export function ProfilePage() {
  const { t } = useTranslation();
  const me = useMember();
  const preferences = useNotificationPreferences();
  return (
    <>
      <PageHeader title={t('profile.title')} description={t('profile.description', { email: me.user.email })} />
      {/* Password, email address, two-factor and sessions have their own page. */}
      <p>
        <Link to="/profile/security">{t('security.menuLink')}</Link>
      </p>
      <Section title={t('profile.detailsTitle')}>
        <ProfileDetailsForm me={me} />
      </Section>
      <Section title={t('profile.emailsTitle')}>
        <QueryView query={preferences}>{(data) => <EmailPreferences preferences={data} />}</QueryView>
      </Section>
    </>
  );
}
