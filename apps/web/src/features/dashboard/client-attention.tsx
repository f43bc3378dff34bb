import { useTranslation } from 'react-i18next';
import { EmptyState, Loading, Section } from '../../ui';
import { DeliverableList } from '../deliverables/deliverable-list';
import { useDeliverables } from '../deliverables/deliverable-queries';
import { DisclosureList } from '../disclosures/disclosure-list';
import { useDisclosures } from '../disclosures/disclosure-queries';
import { useMember } from '../me/current-member';

/** What waits for the client, first: disclosures to answer and delivered versions to review. */
export function ClientAttention() {
  const { t } = useTranslation();
  const member = useMember();
  const disclosures = useDisclosures({});
  const versions = useDeliverables({ status: 'submitted' });
  const open = (disclosures.data?.items ?? []).filter((d) => d.needsClientAction || d.openOfferCount > 0);
  const toReview = versions.data ?? [];
  const admin = member.role === 'client_admin';
  return (
    <Section
      title={t('disclosure.client.needsActionTitle')}
      description={admin ? t('disclosure.client.needsActionDescription') : t('disclosure.client.needsActionMember')}
    >
      {disclosures.isPending || versions.isPending ? (
        <Loading label={t('common.loading')} />
      ) : open.length === 0 && toReview.length === 0 ? (
        <EmptyState title={t('disclosure.client.needsActionEmptyTitle')}>{t('disclosure.client.needsActionEmptyText')}</EmptyState>
      ) : (
        <>
          {open.length ? <DisclosureList disclosures={open} forClient /> : null}
          {toReview.length ? (
            <>
              <h3 className="list-heading">{admin ? t('deliverable.toReviewTitle') : t('deliverable.toReviewMember')}</h3>
              <DeliverableList deliverables={toReview} />
            </>
          ) : null}
        </>
      )}
    </Section>
  );
}
