import type { Api } from './api-client';
import { expectStatus, shortId } from './expect-status';
import { SAMPLE, uploadVersion, type FilePart } from './multipart';

/** A planned deliverable on an engagement; `overrides` set its assignee, due date and so on. */
export async function createDeliverable(
  api: Api,
  token: string,
  engagementId: string,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; body: any }> {
  const body = { engagementId, title: `Newsletter ${shortId()}`, ...overrides };
  const response = await expectStatus('deliverable', api.post('/api/v1/deliverables', body, token), [201]);
  return { id: response.body.id as string, body: response.body };
}

/** Delivers the next version (a small PDF unless told otherwise); answers the deliverable. */
export async function deliverVersion(
  api: Api,
  token: string,
  deliverableId: string,
  changeSummary = 'First draft.',
  files: FilePart[] = [SAMPLE.pdf()],
): Promise<any> {
  return (await expectStatus('version', uploadVersion(api.baseUrl, deliverableId, token, { changeSummary }, files), [201])).body;
}

/** The client asks for changes to the version under review; answers the deliverable. */
export async function requestChanges(api: Api, token: string, deliverableId: string, comment = 'Shorter, please.'): Promise<any> {
  return (
    await expectStatus('revision request', api.post(`/api/v1/deliverables/${deliverableId}/request-changes`, { comment }, token), [200])
  ).body;
}
