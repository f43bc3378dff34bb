import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading, PageHeader, QueryView } from '../../app/ui';
import { useEngagement } from '../engagements/engagement-queries';
import { useTenant } from '../settings/tenant-queries';
import { DisclosureEditor } from './disclosure-editor';

/** Starts a disclosure on an engagement. */
export function NewDisclosurePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const engagement = useEngagement(id);
  const tenant = useTenant();
  return (
    <QueryView query={engagement} byStatus={{ 404: t('engagements.notFound'), 400: t('engagements.notFound') }}>
      {(data) => (
        <>
          <PageHeader
            title={t('disclosure.editor.newTitle')}
            description={
              <>
                <Link to={`/engagements/${data.id}`} className="text-link back-link">
                  {t('disclosure.backToEngagement', { name: data.name })}
                </Link>
                <span className="header-meta">{t('disclosure.editor.intro')}</span>
              </>
            }
          />
          {tenant.isPending ? (
            <Loading label={t('common.loading')} />
          ) : (
            <DisclosureEditor engagement={data} requireReview={tenant.data?.settings.requireDisclosureReview ?? true} showStaffNames={tenant.data?.settings.showStaffNames ?? false} />
          )}
        </>
      )}
    </QueryView>
  );
}
