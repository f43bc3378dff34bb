/** Disclosures, their lifecycle steps, offers, follow-ups and the remedies agreed up front. Types come from the generated schema. */
import { api, byId, unwrap, unwrapVoid } from '../../lib/api/client';
import type { components, paths } from '../../lib/api/schema';

type Schemas = components['schemas'];

export type StaffDisclosure = Schemas['DisclosureStaffResponse'];
export type ClientDisclosure = Schemas['DisclosureClientResponse'];
export type Disclosure = StaffDisclosure | ClientDisclosure;
export type DisclosureStatus = Disclosure['status'];
export type DisclosureCategory = Disclosure['category'];
export type DisclosureSeverity = Disclosure['severity'];
export type DetectedBy = StaffDisclosure['detectedBy'];
export type Offer = Schemas['OfferResponse'];
export type OfferKind = Offer['kind'];
export type FollowUp = Schemas['FollowUpResponse'];
export type TimelineEntry = Schemas['TimelineEntryResponse'];
export type DisclosureInput = Schemas['CreateDisclosureDto'];
export type DisclosurePatch = Schemas['UpdateDisclosureDto'];
export type OfferInput = Schemas['CreateOfferDto'];
export type RemedyPolicy = Schemas['RemedyPolicyResponse'];
export type RemedyPolicyInput = Schemas['RemedyPolicyDto'];
export type CommentVisibility = NonNullable<Schemas['DisclosureCommentDto']['visibility']>;
export type CheckInInput = Schemas['CheckInDto'];
export type DisclosureFilter = NonNullable<paths['/api/v1/disclosures']['get']['parameters']['query']>;

/** The staff shape carries the internal fields; a client never receives them. */
export function isStaffDisclosure(disclosure: Disclosure): disclosure is StaffDisclosure {
  return 'allowedNextStatuses' in disclosure;
}

export function listDisclosures(query: DisclosureFilter = {}) {
  return unwrap(api.GET('/api/v1/disclosures', { params: { query } }));
}

export function getDisclosure(id: string) {
  return unwrap(api.GET('/api/v1/disclosures/{id}', byId(id)));
}

export function createDisclosure(input: DisclosureInput) {
  return unwrap(api.POST('/api/v1/disclosures', { body: input }));
}

export function updateDisclosure(id: string, patch: DisclosurePatch) {
  return unwrap(api.PATCH('/api/v1/disclosures/{id}', { ...byId(id), body: patch }));
}

export function commentOnDisclosure(id: string, body: string, visibility: CommentVisibility) {
  return unwrap(api.POST('/api/v1/disclosures/{id}/comments', { ...byId(id), body: { body, visibility } }));
}

export function makeOffer(id: string, input: OfferInput) {
  return unwrap(api.POST('/api/v1/disclosures/{id}/offers', { ...byId(id), body: input }));
}

/** One lifecycle step; the page reloads the disclosure after it, whatever the step answers. */
export type DisclosureStep =
  | { step: 'submit-for-review' }
  | { step: 'return-to-draft'; note: string }
  | { step: 'disclose' }
  | { step: 'acknowledge' }
  | { step: 'propose-remedy'; remedyPlan?: string; remedyDueAt?: string }
  | { step: 'accept-remedy' }
  | { step: 'request-remedy-changes'; comment: string }
  | { step: 'start-remediation' }
  | { step: 'resolve'; resolutionSummary: string; preventionSummary?: string }
  | { step: 'close' }
  | ({ step: 'check-in' } & CheckInInput);

export function takeStep(id: string, action: DisclosureStep) {
  const path = byId(id);
  switch (action.step) {
    case 'submit-for-review':
      return unwrapVoid(api.POST('/api/v1/disclosures/{id}/submit-for-review', path));
    case 'return-to-draft':
      return unwrapVoid(api.POST('/api/v1/disclosures/{id}/return-to-draft', { ...path, body: { note: action.note } }));
    case 'disclose':
      return unwrapVoid(api.POST('/api/v1/disclosures/{id}/disclose', path));
    case 'acknowledge':
      return unwrapVoid(api.POST('/api/v1/disclosures/{id}/acknowledge', path));
    case 'propose-remedy': {
      const { step: _step, ...body } = action;
      return unwrapVoid(api.POST('/api/v1/disclosures/{id}/propose-remedy', { ...path, body }));
    }
    case 'accept-remedy':
      return unwrapVoid(api.POST('/api/v1/disclosures/{id}/accept-remedy', path));
    case 'request-remedy-changes':
      return unwrapVoid(api.POST('/api/v1/disclosures/{id}/request-remedy-changes', { ...path, body: { comment: action.comment } }));
    case 'start-remediation':
      return unwrapVoid(api.POST('/api/v1/disclosures/{id}/start-remediation', path));
    case 'resolve': {
      const { step: _step, ...body } = action;
      return unwrapVoid(api.POST('/api/v1/disclosures/{id}/resolve', { ...path, body }));
    }
    case 'close':
      return unwrapVoid(api.POST('/api/v1/disclosures/{id}/close', path));
    case 'check-in': {
      const { step: _step, ...body } = action;
      return unwrapVoid(api.POST('/api/v1/disclosures/{id}/check-in', { ...path, body }));
    }
  }
}

export type OfferStep = { step: 'accept' } | { step: 'decline'; reason?: string } | { step: 'withdraw' } | { step: 'apply' };

export function answerOffer(id: string, action: OfferStep) {
  const path = byId(id);
  switch (action.step) {
    case 'accept':
      return unwrapVoid(api.POST('/api/v1/compensation-offers/{id}/accept', path));
    case 'decline':
      return unwrapVoid(
        api.POST('/api/v1/compensation-offers/{id}/decline', { ...path, body: action.reason ? { reason: action.reason } : {} }),
      );
    case 'withdraw':
      return unwrapVoid(api.POST('/api/v1/compensation-offers/{id}/withdraw', path));
    case 'apply':
      return unwrapVoid(api.POST('/api/v1/compensation-offers/{id}/apply', path));
  }
}

export type FollowUpStep = { step: 'complete'; outcome: string } | { step: 'skip'; reason: string };

export function settleFollowUp(id: string, action: FollowUpStep) {
  const path = byId(id);
  return action.step === 'complete'
    ? unwrapVoid(api.POST('/api/v1/follow-ups/{id}/complete', { ...path, body: { outcome: action.outcome } }))
    : unwrapVoid(api.POST('/api/v1/follow-ups/{id}/skip', { ...path, body: { reason: action.reason } }));
}

export function listRemedyPolicies(engagementId: string) {
  return unwrap(api.GET('/api/v1/engagements/{engagementId}/remedy-policies', { params: { path: { engagementId } } }));
}

export function saveRemedyPolicy(engagementId: string, category: DisclosureCategory, input: RemedyPolicyInput) {
  return unwrap(
    api.PUT('/api/v1/engagements/{engagementId}/remedy-policies/{category}', { params: { path: { engagementId, category } }, body: input }),
  );
}

export function deleteRemedyPolicy(engagementId: string, category: DisclosureCategory) {
  return unwrapVoid(
    api.DELETE('/api/v1/engagements/{engagementId}/remedy-policies/{category}', { params: { path: { engagementId, category } } }),
  );
}
