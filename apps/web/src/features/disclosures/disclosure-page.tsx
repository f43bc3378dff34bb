import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading, PageHeader, QueryView, Section } from '../../ui';
import { isStaffDisclosure, type Disclosure, type StaffDisclosure, type TimelineEntry } from './disclosure-endpoints';
import { useFormat } from '../../lib/i18n/use-format';
import { useEngagement } from '../engagements/engagement-queries';
import { useMember } from '../me/current-member';
import { useTenant } from '../tenant/tenant-queries';
import { ClientActions } from './client-actions';
import { ClientStory } from './client-story';
import { DisclosureEditor } from './disclosure-editor';
import { DisclosureStatusBadge, useDuration } from './disclosure-labels';
import { useDisclosure } from './disclosure-queries';
import { FollowUpList } from './follow-ups';
import { InternalReview } from './internal-review';
import { MakeOffer, OfferList } from './offers';
import { StaffSteps } from './staff-steps';
import { CommentForm, Timeline } from './timeline';

function Header({ disclosure, title }: { disclosure: Disclosure; title?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const duration = useDuration();
  return (
    <PageHeader
      title={title ?? `${t(`disclosure.category.${disclosure.category}`)} · ${disclosure.engagementName}`}
      description={
        <>
          <Link to={`/engagements/${disclosure.engagementId}`} className="text-link back-link">
            {t('disclosure.backToEngagement', { name: disclosure.engagementName })}
          </Link>
          <span className="header-meta">
            <DisclosureStatusBadge status={disclosure.status} />{' '}
            {disclosure.disclosedAt
              ? `${t('disclosure.disclosedOn', { date: format.dateTime(disclosure.disclosedAt) })} · ${t('disclosure.disclosedWithin', { duration: duration(disclosure.timeToDiscloseSeconds) })}`
              : t('disclosure.discoveredOn', { date: format.dateTime(disclosure.discoveredAt) })}
          </span>
        </>
      }
    />
  );
}

function TimelineSection({ disclosure, staff }: { disclosure: Disclosure; staff: boolean }) {
  const { t } = useTranslation();
  const member = useMember();
  const team = t('disclosure.teamName', { tenant: member.tenant.name });
  // Staff see who did what; the client sees the people of their own company and "the team".
  const author = (entry: TimelineEntry) => entry.actor?.displayName ?? (staff ? t('disclosure.timeline.system') : team);
  return (
    <Section title={t('disclosure.timeline.title')} description={t('disclosure.timeline.description')}>
      <Timeline entries={disclosure.timeline ?? []} author={author} />
      {disclosure.status !== 'closed' ? <CommentForm disclosure={disclosure} staff={staff} /> : null}
    </Section>
  );
}

/** A draft (or one in review): the editor, with the overdue warning and the reviewer's way back. */
function DraftView({ disclosure }: { disclosure: StaffDisclosure }) {
  const { t } = useTranslation();
  const member = useMember();
  const engagement = useEngagement(disclosure.engagementId);
  const tenant = useTenant();
  const reviewer = member.role === 'owner' || member.role === 'manager';
  if (engagement.isPending || tenant.isPending) return <Loading label={t('common.loading')} />;
  return (
    <>
      <Header disclosure={disclosure} title={t('disclosure.editor.editTitle')} />
      {disclosure.overdue ? (
        <p className="note note-danger" role="status">
          {t('disclosure.overdueNote', { hours: tenant.data?.settings.disclosureDeadlineHours ?? 24 })}
        </p>
      ) : null}
      {disclosure.status === 'in_review' && reviewer ? (
        <Section title={t('disclosure.staff.stepsTitle')}>
          <StaffSteps disclosure={disclosure} reviewer={reviewer} />
        </Section>
      ) : null}
      <QueryView query={engagement}>
        {(data) => (
          <DisclosureEditor
            engagement={data}
            disclosure={disclosure}
            requireReview={tenant.data?.settings.requireDisclosureReview ?? true}
            showStaffNames={tenant.data?.settings.showStaffNames ?? false}
          />
        )}
      </QueryView>
      <TimelineSection disclosure={disclosure} staff />
    </>
  );
}

function StaffView({ disclosure }: { disclosure: StaffDisclosure }) {
  const { t } = useTranslation();
  const member = useMember();
  const tenant = useTenant();
  const engagement = useEngagement(disclosure.engagementId);
  const reviewer = member.role === 'owner' || member.role === 'manager';
  return (
    <>
      <Header disclosure={disclosure} />
      <div className="columns columns-wide">
        <Section title={t('disclosure.editor.previewTitle')} className="panel-story">
          <ClientStory
            author={
              tenant.data?.settings.showStaffNames
                ? disclosure.author.displayName
                : t('disclosure.teamName', { tenant: member.tenant.name })
            }
            story={disclosure}
            footer={<RemedyAccepted at={disclosure.remedyAcceptedAt} by={disclosure.remedyAcceptedBy} />}
          />
        </Section>
        <div className="stack">
          <Section title={t('disclosure.staff.stepsTitle')} description={t('disclosure.staff.stepsDescription')}>
            <StaffSteps disclosure={disclosure} reviewer={reviewer} />
          </Section>
          <Section
            title={t('disclosure.staff.offersTitle')}
            actions={
              disclosure.status !== 'closed' ? <MakeOffer disclosure={disclosure} currency={engagement.data?.currency ?? 'EUR'} /> : null
            }
          >
            <OfferList offers={disclosure.offers ?? []} audience="staff" />
          </Section>
          <Section title={t('disclosure.staff.followUpsTitle')}>
            <FollowUpList followUps={disclosure.followUps ?? []} />
          </Section>
        </div>
      </div>
      <InternalReview disclosure={disclosure} />
      <TimelineSection disclosure={disclosure} staff />
    </>
  );
}

function ClientView({ disclosure }: { disclosure: Disclosure }) {
  const { t } = useTranslation();
  const member = useMember();
  return (
    <>
      <Header disclosure={disclosure} />
      <ClientActions disclosure={disclosure} />
      <div className="columns columns-wide">
        <Section title={t('disclosure.client.whatHappened')} className="panel-story">
          <ClientStory
            author={disclosure.author.displayName}
            story={disclosure}
            footer={<RemedyAccepted at={disclosure.remedyAcceptedAt} by={disclosure.remedyAcceptedBy} />}
          />
        </Section>
        <Section title={t('disclosure.client.offersTitle')}>
          <OfferList offers={disclosure.offers ?? []} audience={member.role === 'client_admin' ? 'client_admin' : 'client_member'} />
          {member.role !== 'client_admin' && disclosure.openOfferCount > 0 ? (
            <p className="muted">{t('disclosure.client.adminDecides')}</p>
          ) : null}
        </Section>
      </div>
      <TimelineSection disclosure={disclosure} staff={false} />
    </>
  );
}

/** One disclosure: the editor while it is a draft, the team's workspace after, or the client's page. */
export function DisclosurePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const disclosure = useDisclosure(id);
  return (
    <QueryView query={disclosure} byStatus={{ 404: t('disclosure.notFound'), 400: t('disclosure.notFound') }}>
      {(data) =>
        !isStaffDisclosure(data) ? (
          <ClientView disclosure={data} />
        ) : data.status === 'draft' || data.status === 'in_review' ? (
          <DraftView key={data.id} disclosure={data} />
        ) : (
          <StaffView disclosure={data} />
        )
      }
    </QueryView>
  );
}

/** Who signed off the remedy, and when; nothing until it is accepted. */
function RemedyAccepted({ at, by }: { at: string | null | undefined; by: { displayName: string } | null | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!at || !by) return null;
  return <p className="note note-success">{t('disclosure.remedyAcceptedBy', { name: by.displayName, date: format.dateTime(at) })}</p>;
}
