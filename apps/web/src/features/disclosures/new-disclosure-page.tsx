import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { EmptyState, Loading, PageHeader, QueryView } from '../../ui';
import type { Engagement } from '../engagements/engagement-endpoints';
import { toLocalInput } from '../../lib/format';
import { useFormat } from '../../lib/i18n/use-format';
import { useDeliverable } from '../deliverables/deliverable-queries';
import { readLateDraft, type LateDraft } from '../deliverables/deliverable-schema';
import { useEngagement } from '../engagements/engagement-queries';
import { useTenant } from '../tenant/tenant-queries';
import { DisclosureEditor, type DisclosureDraft } from './disclosure-editor';

function StartDisclosure({ engagementId, draft }: { engagementId: string; draft?: DisclosureDraft }) {
  const { t } = useTranslation();
  const engagement = useEngagement(engagementId);
  const tenant = useTenant();
  return (
    <QueryView query={engagement} byStatus={{ 404: t('engagements.notFound'), 400: t('engagements.notFound') }}>
      {(data: Engagement) => (
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
            <DisclosureEditor
              engagement={data}
              {...(draft ? { draft } : {})}
              requireReview={tenant.data?.settings.requireDisclosureReview ?? true}
              showStaffNames={tenant.data?.settings.showStaffNames ?? false}
            />
          )}
        </>
      )}
    </QueryView>
  );
}

/** Starts a disclosure on an engagement. */
export function NewDisclosurePage() {
  const { id = '' } = useParams();
  return <StartDisclosure engagementId={id} />;
}

/** The late deliverable's draft: the category, the deliverable, its due date and a plain first sentence. */
function LateDraftEditor({ late }: { late: LateDraft & { deliverableId: string } }) {
  const { t } = useTranslation();
  const format = useFormat();
  const deliverable = useDeliverable(late.deliverableId);
  if (deliverable.isPending) return <Loading label={t('common.loading')} />;
  const found = deliverable.data;
  const dueAt = found?.dueAt ?? null;
  const draft: DisclosureDraft = {
    ...(found ? { deliverableId: found.id } : {}),
    values: {
      category: late.category ?? 'missed_deadline',
      ...(late.occurredAt ? { occurredAt: late.occurredAt } : dueAt ? { occurredAt: toLocalInput(new Date(dueAt)) } : {}),
      ...(found
        ? {
            whatHappened: dueAt
              ? t('deliverable.lateSuggestion', { title: found.title, date: format.dateTime(dueAt) })
              : t('deliverable.lateSuggestionNoDate', { title: found.title }),
          }
        : {}),
    },
  };
  return <StartDisclosure engagementId={late.engagementId} draft={draft} />;
}

/**
 * `/disclosures/new?engagementId=..&deliverableId=..&category=..&occurredAt=..`, the link of the
 * late-work email: the editor opens pre-filled, and nothing is saved until the author saves.
 */
export function LateWorkDisclosurePage() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const late = readLateDraft(search);
  if (!late)
    return (
      <EmptyState title={t('disclosure.editor.linkBroken')} titleAs="h1">
        {t('disclosure.editor.linkBrokenText')}
      </EmptyState>
    );
  if (late.deliverableId) return <LateDraftEditor late={{ ...late, deliverableId: late.deliverableId }} />;
  return (
    <StartDisclosure
      engagementId={late.engagementId}
      draft={{
        values: { ...(late.category ? { category: late.category } : {}), ...(late.occurredAt ? { occurredAt: late.occurredAt } : {}) },
      }}
    />
  );
}
