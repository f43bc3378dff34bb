import type { Role } from '@candor/domain';
import { addMember, createClientAccount, createEngagement, signUpTenant } from '../factories';
import { sendMultipart } from '@candor/testing';
import { startStack, type Stack } from '../stack';
import {
  ALLOW,
  TARGETS,
  deliverableAt,
  disclosureAt,
  logDraft,
  nextMonday,
  submittedEntry,
  type Ctx,
  type Objects,
  type Row,
  type Target,
} from './matrix';
import { NOT_FOUND, UNSCOPED, expected } from './scope';

/** The matrix's tenant: its people's tokens and each target's objects, filled in by `useMatrix`'s set-up. */
export interface Matrix {
  stack: Stack;
  tenantId: string;
  tokens: Record<Role, string>;
  objects: Record<Target, Objects>;
  ctxFor(target: Target): Ctx;
}

/**
 * Starts a stack before the file's tests and arranges the matrix's tenant: one person per role, and
 * for each target an engagement with its rows (a submitted week, a locked one, a share link, a
 * disclosure with an accepted offer, a draft entry, a deliverable, a billable engagement).
 */
export function useMatrix(): Matrix {
  const matrix = { tokens: {}, objects: {}, tenantId: '' } as Matrix;
  matrix.ctxFor = (target) => ({ ...matrix.objects[target], api: matrix.stack.api, tokens: matrix.tokens, tenantId: matrix.tenantId });

  async function arrange(target: Target, clientId: string, worker: { token: string; userId: string }, approver: string): Promise<void> {
    const { api } = matrix.stack;
    const { tokens, tenantId } = matrix;
    const o = { target, clientId, worker: worker.token, approver } as Objects;
    o.engagementId = (
      await createEngagement(api, tokens.owner, clientId, { assistantIds: [worker.userId], confidentialityTerms: 'Keep it secret.' })
    ).id;
    const c = { ...o, api, tokens, tenantId };
    ({ workLogId: o.workLogId, weekId: o.weekId } = await submittedEntry(c));
    const locked = await submittedEntry(c);
    await api.post(`/api/v1/timesheet-weeks/${locked.weekId}/approve`, {}, approver);
    o.lockedLogId = locked.workLogId;
    const link = await api.post(
      `/api/v1/engagements/${o.engagementId}/share-links`,
      { period: 'month', start: '2026-01-01' },
      tokens.owner,
    );
    o.shareLinkId = link.body.id;
    o.disclosureId = await disclosureAt(c, 'disclosed');
    // An accepted offer on it: a credit-ledger entry of the target's client account.
    const offered = await api.post(`/api/v1/disclosures/${o.disclosureId}/offers`, { kind: 'free_hours', value: '1' }, tokens.owner);
    await api.post(`/api/v1/compensation-offers/${offered.body.offers[0].id}/accept`, {}, approver);
    o.draftLogId = await logDraft(c, 'assistant', nextMonday());
    ({ id: o.deliverableId, fileId: o.fileId } = await deliverableAt(c));
    o.billableEngagementId = (
      await createEngagement(api, tokens.owner, clientId, { assistantIds: [worker.userId], includedRevisionRounds: 0 })
    ).id;
    matrix.objects[target] = o;
  }

  beforeAll(async () => {
    // Webhook endpoints the matrix registers point at a closed port on this machine, never elsewhere.
    matrix.stack = await startStack({ env: { WEBHOOK_ALLOW_PRIVATE_NETWORKS: '127.0.0.0/8' } });
    const { api } = matrix.stack;
    const { tokens } = matrix;
    const tenant = await signUpTenant(api);
    tokens.owner = tenant.owner.token;
    matrix.tenantId = tenant.tenantId;
    const clientId = await createClientAccount(api, tenant.owner.token);
    const otherClientId = await createClientAccount(api, tenant.owner.token);
    tokens.manager = (await addMember(api, tokens.owner, 'manager')).token;
    const assistant = await addMember(api, tokens.owner, 'assistant');
    tokens.assistant = assistant.token;
    tokens.client_admin = (await addMember(api, tokens.owner, 'client_admin', clientId)).token;
    tokens.client_member = (await addMember(api, tokens.owner, 'client_member', clientId)).token;
    // Who works where the matrix's assistant does not, and who decides for the other client.
    const colleague = await addMember(api, tokens.owner, 'assistant');
    const otherAdmin = await addMember(api, tokens.owner, 'client_admin', otherClientId);
    await arrange('assigned', clientId, assistant, tokens.client_admin);
    await arrange('unassigned', clientId, colleague, tokens.client_admin);
    await arrange('other_client', otherClientId, colleague, otherAdmin.token);
    // Three targets' worth of rows on a shared, busy machine.
  }, 240_000);
  afterAll(() => matrix.stack.close());
  return matrix;
}

/**
 * One test per row, target and role, in the rows' order (a row may rely on one before it, e.g. the
 * timer stopped after it was started): allowed where the role and the scope allow, exactly 404 out
 * of scope, 403 or 404 where the role is refused.
 */
export function checkRows(matrix: Matrix, rows: readonly Row[]): void {
  for (const row of rows) {
    const targets = UNSCOPED.has(row.name) ? (['assigned'] as Target[]) : TARGETS;
    for (const target of targets) {
      for (const role of Object.keys(row.expect) as Role[]) {
        const outcome = expected(row, role, target);
        const where = UNSCOPED.has(row.name) ? '' : ` [${target}]`;
        it(`${row.name}${where} as ${role}: ${outcome}`, async () => {
          const { stack, tokens } = matrix;
          const { method, path, body, upload } = await row.call(matrix.ctxFor(target), role);
          const response = upload
            ? await sendMultipart(stack.api.baseUrl, method, path, tokens[role], upload.fields, upload.files)
            : await stack.api.request(method, path, { token: tokens[role], body });
          if (outcome === ALLOW) {
            expect({
              allowed: [200, 201, 202, 204].includes(response.status),
              status: response.status,
              body: response.status < 300 ? 'ok' : response.body,
            }).toEqual({
              allowed: true,
              status: response.status,
              body: 'ok',
            });
          } else if (outcome === NOT_FOUND) {
            // Out of scope: as if it did not exist, never a hint that it does.
            expect({ status: response.status, body: response.body }).toEqual({
              status: 404,
              body: expect.objectContaining({ message: expect.any(String) }),
            });
          } else {
            expect([403, 404]).toContain(response.status);
            expect(typeof response.body.message).toBe('string');
          }
        });
      }
    }
  }
}
