import {
  insertComment,
  insertCreditEntry,
  insertDisclosure,
  insertDisclosureEvent,
  insertFollowUp,
  insertOffer,
  insertRemedyPolicy,
  type Sql,
} from '@candor/testing';
import type { DemoEngagement } from './clients-and-engagements';
import { daysAgo } from './demo-clock';
import { DISCLOSURE_STORIES, type DisclosureStory } from './disclosure-stories';
import type { DemoTenant } from './tenant-and-people';

const optionalDaysAgo = (days: number | undefined) => (days === undefined ? undefined : daysAgo(days));

async function seedStory(db: Sql, { tenantId, people }: DemoTenant, engagement: DemoEngagement, story: DisclosureStory): Promise<void> {
  const { days } = story;
  const disclosureId = await insertDisclosure(db, {
    tenantId,
    engagementId: engagement.id,
    clientAccountId: engagement.clientAccountId,
    authorId: people.assistant,
    category: story.category,
    severity: story.severity,
    detectedBy: story.detectedBy,
    status: story.status,
    ...story.words,
    occurredAt: daysAgo(days.occurred),
    discoveredAt: daysAgo(days.discovered),
    disclosedAt: optionalDaysAgo(days.disclosed),
    acknowledgedAt: optionalDaysAgo(days.acknowledged),
    remedyProposedAt: optionalDaysAgo(days.remedyProposed),
    remedyDueAt: daysAgo(days.remedyDue),
    remedyAcceptedAt: optionalDaysAgo(days.remedyAccepted),
    remedyAcceptedBy: days.remedyAccepted === undefined ? undefined : people.clientAdmin,
    resolvedAt: optionalDaysAgo(days.resolved),
    closedAt: optionalDaysAgo(days.closed),
  });
  for (const [ago, actor, action, fromStatus, toStatus, visibility] of story.events) {
    await insertDisclosureEvent(db, {
      tenantId,
      disclosureId,
      actorId: people[actor],
      action,
      fromStatus,
      toStatus,
      visibility,
      createdAt: daysAgo(ago),
    });
  }
  const { offer } = story;
  if (offer) {
    const decidedAt = optionalDaysAgo(offer.decided);
    const offerId = await insertOffer(db, {
      tenantId,
      disclosureId,
      createdBy: people.assistant,
      ...offer,
      createdAt: daysAgo(offer.made),
      expiresAt: daysAgo(offer.expires),
      decidedAt,
      decidedBy: decidedAt ? people.clientAdmin : null,
    });
    if (decidedAt && offer.status === 'accepted') {
      await insertCreditEntry(db, {
        tenantId,
        clientAccountId: engagement.clientAccountId,
        offerId,
        ...offer,
        description: offer.note,
        createdAt: decidedAt,
      });
    }
  }
  for (const [author, visibility, body, ago] of story.comments ?? []) {
    await insertComment(db, {
      tenantId,
      subjectType: 'disclosure',
      subjectId: disclosureId,
      authorId: people[author],
      visibility,
      body,
      createdAt: daysAgo(ago),
    });
  }
  for (const f of story.followUps ?? []) {
    await insertFollowUp(db, {
      tenantId,
      disclosureId,
      kind: f.kind,
      dueAt: daysAgo(f.due),
      status: f.status,
      outcome: f.outcome,
      clientResolved: f.resolved,
      rating: f.rating,
      completedBy: f.by === undefined ? undefined : people[f.by],
      completedAt: optionalDaysAgo(f.done),
    });
  }
}

/** The four disclosures of the demo (see DISCLOSURE_STORIES) and the social retainer's standing remedy for copy errors. */
export async function seedDisclosuresAndOffers(
  db: Sql,
  demo: DemoTenant,
  engagements: { inbox: DemoEngagement; social: DemoEngagement },
): Promise<number> {
  for (const story of DISCLOSURE_STORIES) await seedStory(db, demo, engagements[story.engagement], story);
  await insertRemedyPolicy(db, {
    tenantId: demo.tenantId,
    engagementId: engagements.social.id,
    category: 'copy_error',
    remedyPlan: 'We correct the copy within 24 hours at no charge and tell everyone who saw the wrong version.',
    remedyDueHours: 24,
    offerKind: 'free_revision',
    offerNote: 'An extra round of changes on the next piece, free.',
    offerValidDays: 14,
    updatedBy: demo.people.owner,
  });
  return DISCLOSURE_STORIES.length;
}
