import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, PageTitle } from '../../ui';

/** Unknown addresses, and pages that are not part of this member's role, look the same: nothing here. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="centered">
      <PageTitle>{t('notFound.title')}</PageTitle>
      <EmptyState
        title={t('notFound.title')}
        titleAs="h1"
        action={
          <Link to="/" className="button button-secondary">
            {t('notFound.action')}
          </Link>
        }
      >
        {t('notFound.description')}
      </EmptyState>
    </div>
  );
}
