import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  addMember,
  createClientAccount,
  createDeliverable,
  createDisclosure,
  createEngagement,
  signUpTenant,
  type Member,
  type TenantFixture,
} from '../support/factories';
import { waitForEmailAbout, waitForEmailWhere } from '../support/mail-sink';
import { SAMPLE, uploadVersion, type FilePart } from '@candor/testing';
import { withOwner } from '../support/owner-db';
import { startStack, type Stack } from '../support/stack';

const MAX_FILE_BYTES = 64 * 1024;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe('deliverables', () => {
  const uploadDir = mkdtempSync(join(tmpdir(), 'candor-uploads-'));
  let stack: Stack;
  let tenant: TenantFixture;
  let other: TenantFixture;
  let manager: Member;
  let assistant: Member;
  let clientAdmin: Member;
  let clientMember: Member;
  let otherClientAdmin: Member;
  let engagementId: string;

  const storedFiles = (): string[] =>
    readdirSync(uploadDir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name);
  const deliver = (id: string, token: string, fields: Record<string, string>, files: FilePart[]) =>
    uploadVersion(stack.api.baseUrl, id, token, fields, files);

  const newDeliverable = async (overrides: Record<string, unknown> = {}): Promise<string> =>
    (
      await createDeliverable(stack.api, tenant.owner.token, engagementId, {
        assigneeId: assistant.userId,
        dueAt: inDays(10),
        ...overrides,
      })
    ).id;

  /** A deliverable with version 1 delivered by the assistant, waiting for the client's review. */
  async function delivered(): Promise<string> {
    const id = await newDeliverable();
    const v1 = await deliver(id, assistant.token, { changeSummary: 'First draft.' }, [SAMPLE.pdf()]);
    expect(v1.status).toBe(201);
    return id;
  }

  beforeAll(async () => {
    stack = await startStack({ env: { UPLOAD_DIR: uploadDir, UPLOAD_MAX_FILE_BYTES: String(MAX_FILE_BYTES), UPLOAD_MAX_FILES: '3' } });
    const { api } = stack;
    tenant = await signUpTenant(api);
    other = await signUpTenant(api);
    const clientId = await createClientAccount(api, tenant.owner.token);
    const otherClientId = await createClientAccount(api, tenant.owner.token);
    manager = await addMember(api, tenant.owner.token, 'manager');
    assistant = await addMember(api, tenant.owner.token, 'assistant');
    clientAdmin = await addMember(api, tenant.owner.token, 'client_admin', clientId);
    clientMember = await addMember(api, tenant.owner.token, 'client_member', clientId);
    otherClientAdmin = await addMember(api, tenant.owner.token, 'client_admin', otherClientId);
    engagementId = (
      await createEngagement(api, tenant.owner.token, clientId, { assistantIds: [assistant.userId], includedRevisionRounds: 2 })
    ).id;
  });
  afterAll(async () => {
    await stack.close();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  it('counts rounds across the engagement, makes the one beyond them billable until staff accept it, and a correction of a disclosed error never counts', async () => {
    const { api } = stack;
    const first = await delivered();
    const afterV1 = await api.get(`/api/v1/deliverables/${first}`, clientMember.token);
    expect(afterV1.body).toMatchObject({
      status: 'submitted',
      rounds: { included: 2, used: 0, remaining: 2 },
      versions: [{ number: 1, kind: 'initial' }],
    });
    expect(afterV1.body.versions[0].deliveredBy.id).toBeNull(); // the client meets the team, not the person
    expect(afterV1.body).not.toHaveProperty('lateNotifiedAt');
    await waitForEmailAbout(clientAdmin.email, 'delivered version 1');

    // Round 1 (a client_member may ask), then the revision fulfils it.
    const asked = await api.post(
      `/api/v1/deliverables/${first}/request-changes`,
      { comment: 'Shorter intro, please.' },
      clientMember.token,
    );
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ status: 'changes_requested', rounds: { used: 1, remaining: 1 } });
    expect(asked.body.revisionRequests[0]).toMatchObject({ roundNumber: 1, billable: false, status: 'open', countsAsRound: true });
    await waitForEmailAbout(assistant.email, 'asked for changes');
    const v2 = await deliver(first, assistant.token, { changeSummary: 'Shorter intro.' }, [SAMPLE.pdf('v2'), SAMPLE.csv()]);
    expect(v2.status).toBe(201);
    expect(v2.body.versions[1]).toMatchObject({ number: 2, kind: 'revision', revisionRequestId: asked.body.revisionRequests[0].id });
    expect(v2.body.revisionRequests[0].status).toBe('fulfilled');

    // Round 2 on another deliverable of the same engagement: the rounds are the engagement's.
    const second = await delivered();
    const round2 = await api.post(`/api/v1/deliverables/${second}/request-changes`, { comment: 'Other photo.' }, clientAdmin.token);
    expect(round2.body.rounds).toEqual({ included: 2, used: 2, remaining: 0 });
    expect((await deliver(second, assistant.token, { changeSummary: 'New photo.' }, [SAMPLE.png()])).status).toBe(201);

    // Round 3 is beyond the included ones: accepted, billable, waiting for the team.
    const round3 = await api.post(`/api/v1/deliverables/${second}/request-changes`, { comment: 'And a new headline.' }, clientAdmin.token);
    expect(round3.body.revisionRequests[1]).toMatchObject({ roundNumber: 3, billable: true, status: 'pending_acceptance' });
    expect(round3.body.rounds).toEqual({ included: 2, used: 3, remaining: 0 });
    await waitForEmailWhere(
      manager.email,
      'saying the request is billable',
      (e) => e.subject.includes('asked for changes') && /billable/.test(e.text),
    );
    const early = await deliver(second, assistant.token, { changeSummary: 'Headline.' }, [SAMPLE.pdf('h')]);
    expect(early.status).toBe(409);
    const requestId = round3.body.revisionRequests[1].id as string;
    expect((await api.post(`/api/v1/revision-requests/${requestId}/accept`, {}, clientAdmin.token)).status).toBe(403);
    expect((await api.post(`/api/v1/revision-requests/${requestId}/accept`, {}, other.owner.token)).status).toBe(404);
    const accepted = await api.post(`/api/v1/revision-requests/${requestId}/accept`, {}, manager.token);
    expect(accepted.status).toBe(200);
    expect(accepted.body.revisionRequests[1]).toMatchObject({ status: 'open', billable: true });
    expect((await deliver(second, assistant.token, { changeSummary: 'Headline.' }, [SAMPLE.pdf('h')])).status).toBe(201);

    // Round 4, declined with a reason: it does not count, and the version waits for review again.
    const round4 = await api.post(`/api/v1/deliverables/${second}/request-changes`, { comment: 'One more go.' }, clientAdmin.token);
    const fourth = round4.body.revisionRequests[2].id as string;
    expect((await api.post(`/api/v1/revision-requests/${fourth}/decline`, { reason: ' ' }, manager.token)).status).toBe(400);
    const declined = await api.post(
      `/api/v1/revision-requests/${fourth}/decline`,
      { reason: 'Out of scope; happy to quote it.' },
      manager.token,
    );
    expect(declined.body).toMatchObject({ status: 'submitted', rounds: { used: 3 } });
    expect(declined.body.revisionRequests[2]).toMatchObject({ status: 'declined', declineReason: 'Out of scope; happy to quote it.' });

    // Our own error on the first deliverable: disclosed, then corrected. The client's request it answers gives its round back.
    const disclosure = await createDisclosure(api, tenant.owner.token, engagementId, {
      deliverableId: first,
      occurredAt: '2026-01-05T09:00:00Z',
      discoveredAt: '2026-01-05T10:00:00Z',
      whatHappened: 'The newsletter had last year’s prices.',
      impact: 'Readers saw wrong prices.',
      apology: 'We are sorry.',
    });
    expect(disclosure.body.deliverableId).toBe(first);
    const disclosureId = disclosure.id;
    const draftCorrection = await deliver(first, assistant.token, { changeSummary: 'Prices fixed.', disclosureId }, [SAMPLE.pdf('fix')]);
    expect(draftCorrection.status).toBe(409); // a correction links to a disclosed error
    expect((await api.post(`/api/v1/disclosures/${disclosureId}/disclose`, {}, tenant.owner.token)).status).toBe(200);
    const wrongPrices = await api.post(
      `/api/v1/deliverables/${first}/request-changes`,
      { comment: 'The prices are wrong!' },
      clientAdmin.token,
    );
    expect(wrongPrices.body.revisionRequests[1]).toMatchObject({ roundNumber: 4, billable: true, status: 'pending_acceptance' });
    const correction = await deliver(first, assistant.token, { changeSummary: 'Prices fixed.', disclosureId }, [SAMPLE.pdf('fix')]);
    expect(correction.status).toBe(201);
    expect(correction.body.versions[2]).toMatchObject({ number: 3, kind: 'correction', disclosureId });
    expect(correction.body.revisionRequests[1]).toMatchObject({
      status: 'fulfilled',
      countsAsRound: false,
      roundNumber: null,
      billable: false,
    });
    expect(correction.body.rounds).toEqual({ included: 2, used: 3, remaining: 0 });
    await waitForEmailWhere(
      clientMember.email,
      'about the correction',
      (e) => e.text.includes('Prices fixed.') && /does not use one of your revision rounds/.test(e.text),
    );
    expect((await api.get(`/api/v1/disclosures/${disclosureId}`, clientAdmin.token)).body.deliverableId).toBe(first);

    // Approval is the client_admin's alone; the owner never signs for the client.
    expect((await api.post(`/api/v1/deliverables/${first}/approve`, {}, clientMember.token)).status).toBe(403);
    expect((await api.post(`/api/v1/deliverables/${first}/approve`, {}, tenant.owner.token)).status).toBe(403);
    const approved = await api.post(`/api/v1/deliverables/${first}/approve`, {}, clientAdmin.token);
    expect(approved.body).toMatchObject({ status: 'approved', approvedBy: { id: clientAdmin.userId } });
    await waitForEmailAbout(assistant.email, 'approved');
    expect((await api.post(`/api/v1/deliverables/${first}/approve`, {}, clientAdmin.token)).status).toBe(409);

    const audit = await withOwner(async (db) =>
      (await db.query(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY created_at, id`, [first])).rows.map(
        (r: { action: string }) => r.action,
      ),
    );
    expect(audit).toEqual([
      'deliverable.created',
      'deliverable.version_delivered',
      'deliverable.changes_requested',
      'deliverable.version_delivered',
      'deliverable.changes_requested',
      'deliverable.version_delivered',
      'deliverable.approved',
    ]);
  });

  it("streams a file only to those who may see the deliverable: another client's contact and another tenant get 404", async () => {
    const { api } = stack;
    const id = await newDeliverable();
    const pdf = { ...SAMPLE.pdf('download'), name: 'Q1 report; é.pdf' };
    const up = await deliver(id, assistant.token, { changeSummary: 'First draft.' }, [pdf]);
    expect(up.status).toBe(201);
    const file = up.body.versions[0].files[0];
    expect(file).toMatchObject({ originalName: 'Q1 report; é.pdf', contentType: 'application/pdf', sizeBytes: pdf.bytes.length });
    expect(file.storedName).toBeUndefined();

    const download = (token: string) => fetch(new URL(file.downloadPath, api.baseUrl), { headers: { authorization: `Bearer ${token}` } });
    const ok = await download(clientMember.token);
    expect(ok.status).toBe(200);
    expect(Buffer.from(await ok.arrayBuffer()).equals(pdf.bytes)).toBe(true);
    expect(ok.headers.get('content-type')).toBe('application/pdf');
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    expect(ok.headers.get('content-disposition')).toBe(
      `attachment; filename="Q1 report_ _.pdf"; filename*=UTF-8''Q1%20report%3B%20%C3%A9.pdf`,
    );

    for (const token of [otherClientAdmin.token, other.owner.token]) {
      const hidden = await download(token);
      expect(hidden.status).toBe(404);
      expect(await hidden.text()).not.toContain('%PDF');
      expect((await api.get(`/api/v1/deliverables/${id}`, token)).status).toBe(404);
      expect((await deliver(id, token, { changeSummary: 'Mine now.' }, [SAMPLE.pdf('x')])).status).toBe(404);
    }
    expect((await deliver(id, clientAdmin.token, { changeSummary: 'Client upload.' }, [SAMPLE.pdf('c')])).status).toBe(403);
    const list = await api.get('/api/v1/deliverables', otherClientAdmin.token);
    expect(list.body.map((d: { id: string }) => d.id)).not.toContain(id);
  });

  it('refuses oversized, disallowed, lying and badly named files with nothing stored on disk or in the database', async () => {
    const id = await newDeliverable();
    const before = storedFiles().length;
    const cases: { what: string; fields?: Record<string, string>; files: FilePart[]; status: number }[] = [
      {
        what: 'oversized',
        files: [{ ...SAMPLE.pdf(), bytes: Buffer.concat([SAMPLE.pdf().bytes, Buffer.alloc(MAX_FILE_BYTES, 0x20)]) }],
        status: 413,
      },
      {
        what: 'executable',
        files: [{ name: 'tool.exe', type: 'application/octet-stream', bytes: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 7)]) }],
        status: 415,
      },
      { what: 'png named .pdf', files: [{ ...SAMPLE.png(), name: 'invoice.pdf', type: 'application/pdf' }], status: 415 },
      { what: 'pdf declared as png', files: [{ ...SAMPLE.pdf(), type: 'image/png' }], status: 415 },
      {
        what: 'binary named .txt',
        files: [{ name: 'notes.txt', type: 'text/plain', bytes: Buffer.from([0x68, 0x69, 0x00, 0xff]) }],
        status: 415,
      },
      { what: 'path traversal', files: [{ ...SAMPLE.pdf(), name: '../../etc/evil.pdf' }], status: 400 },
      { what: 'control character', files: [{ ...SAMPLE.pdf(), name: 'brief\u0001.pdf' }], status: 400 },
      { what: 'right-to-left override', files: [{ ...SAMPLE.pdf(), name: 'invoice\u202Efdp.exe' }], status: 400 },
      { what: 'overlong name', files: [{ ...SAMPLE.pdf(), name: `${'a'.repeat(300)}.pdf` }], status: 400 },
      { what: 'too many files', files: [SAMPLE.pdf('1'), SAMPLE.pdf('2'), SAMPLE.pdf('3'), SAMPLE.pdf('4')], status: 413 },
      { what: 'no files', files: [], status: 400 },
      { what: 'no change summary', fields: {}, files: [SAMPLE.pdf()], status: 400 },
      // One good file beside a bad one: the whole version is refused, the good one is not kept.
      { what: 'good and bad together', files: [SAMPLE.pdf(), { ...SAMPLE.png(), name: 'x.pdf', type: 'application/pdf' }], status: 415 },
    ];
    for (const c of cases) {
      const response = await deliver(id, assistant.token, c.fields ?? { changeSummary: 'Draft.' }, c.files);
      expect({ what: c.what, status: response.status }).toEqual({ what: c.what, status: c.status });
      expect(typeof response.body.message === 'string' || Array.isArray(response.body.message)).toBe(true);
    }
    expect(storedFiles().length).toBe(before);
    const rows = await withOwner(async (db) => {
      const versions = await db.query(`SELECT count(*)::int AS n FROM deliverable_versions WHERE deliverable_id = $1`, [id]);
      const files = await db.query(
        `SELECT count(*)::int AS n FROM deliverable_files f JOIN deliverable_versions v ON v.tenant_id = f.tenant_id AND v.id = f.version_id
         WHERE v.deliverable_id = $1`,
        [id],
      );
      return { versions: versions.rows[0].n, files: files.rows[0].n };
    });
    expect(rows).toEqual({ versions: 0, files: 0 });
    expect((await stack.api.get(`/api/v1/deliverables/${id}`, tenant.owner.token)).body.status).toBe('in_progress');

    // The limits let good files through, stored under random names.
    const good = await deliver(id, assistant.token, { changeSummary: 'Draft.' }, [SAMPLE.pdf(), SAMPLE.png(), SAMPLE.csv()]);
    expect(good.status).toBe(201);
    expect(good.body.versions[0].files.map((f: { contentType: string }) => f.contentType)).toEqual([
      'application/pdf',
      'image/png',
      'text/csv; charset=utf-8',
    ]);
    const stored = storedFiles();
    expect(stored.length).toBe(before + 3);
    for (const name of stored) expect(name).toMatch(/^[0-9a-f]{32}$/);
  });

  it('reminds the assignee the day before, marks late work once and suggests a pre-filled disclosure, exactly once per deliverable', async () => {
    const { api } = stack;
    const dueSoon = await newDeliverable({ dueAt: inDays(0.5) });
    // A past due date is refused when planning: these two became late with time, as in life.
    const overdue = await newDeliverable({ dueAt: inDays(1) });
    const deliveredLate = await newDeliverable({ dueAt: inDays(1) });
    await withOwner((db) =>
      db.query(`UPDATE deliverables SET due_at = now() - interval '144 minutes' WHERE id = ANY($1::uuid[])`, [[overdue, deliveredLate]]),
    );
    expect((await deliver(deliveredLate, assistant.token, { changeSummary: 'Done.' }, [SAMPLE.pdf()])).status).toBe(201);
    const farOff = await newDeliverable({ dueAt: inDays(5) });

    await stack.worker!.lateDeliverableSweep.handle();
    await stack.worker!.lateDeliverableSweep.handle();
    await Promise.all([stack.worker!.lateDeliverableSweep.handle(), stack.worker!.lateDeliverableSweep.handle()]);

    const notices = (id: string) =>
      withOwner(
        async (db) =>
          (
            await db.query(
              `SELECT template, recipient_email AS "to", payload->>'url' AS url FROM notifications
             WHERE tenant_id = $1 AND template LIKE 'deliverable_%' AND (payload->>'url' LIKE '%' || $2 || '%' OR payload->>'deliverableUrl' LIKE '%' || $2 || '%')
             AND template IN ('deliverable_due_tomorrow', 'deliverable_late') ORDER BY template, recipient_email`,
              [tenant.tenantId, id],
            )
          ).rows as { template: string; to: string; url: string }[],
      );
    expect((await notices(dueSoon)).map((n) => [n.template, n.to])).toEqual([['deliverable_due_tomorrow', assistant.email]]);
    const late = await notices(overdue);
    expect(late.map((n) => [n.template, n.to])).toEqual(
      [assistant.email, manager.email, tenant.owner.email].sort().map((to) => ['deliverable_late', to]),
    );
    const draft = new URL(late[0]!.url);
    // The link opens at the agency's portal address (no base domain here: WEB_URL/a/<slug>).
    expect(draft.pathname).toBe(`/a/${tenant.slug}/disclosures/new`);
    expect(Object.fromEntries(draft.searchParams)).toEqual({
      engagementId,
      deliverableId: overdue,
      category: 'missed_deadline',
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(await notices(deliveredLate)).toEqual([]);
    expect(await notices(farOff)).toEqual([]);

    const seen = await api.get(`/api/v1/deliverables/${overdue}`, clientAdmin.token);
    expect(seen.body.late).toBe(true);
    const staffView = await api.get(`/api/v1/deliverables/${overdue}`, tenant.owner.token);
    expect(staffView.body.lateAt).not.toBeNull();
    expect(staffView.body.lateNotifiedAt).not.toBeNull();
    const email = await waitForEmailAbout(assistant.email, 'Late:');
    expect(email.text).toContain('missed_deadline');
    const audit = await withOwner(async (db) =>
      (
        await db.query(`SELECT action FROM audit_events WHERE entity_id = ANY($1::uuid[]) AND actor_user_id IS NULL ORDER BY action`, [
          [dueSoon, overdue],
        ])
      ).rows.map((r: { action: string }) => r.action),
    );
    expect(audit).toEqual(['deliverable.due_reminded', 'deliverable.marked_late']);
  });
});
