import { BadRequestException, ConflictException, HttpException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DELIVERABLE_FROM, isDisclosed, type Actor, type VersionKind } from '@candor/domain';
import { actorRef } from '../../common/actor-ref';
import { HostileInputPipe } from '../../common/errors/hostile-input.pipe';
import { validationException } from '../../common/errors/validation-errors';
import { ActorScope } from '../../common/actor-scope';
import { TenantContext } from '../../common/tenant-context';
import { DeliverableNotifier } from './deliverable.notifier';
import { DeliverablesRepository, type DeliverableRow, type FileRow, type RevisionRequestRow } from './deliverables.repository';
import { DeliverablesService, type DeliverableResponse } from './deliverables.service';
import { DeliverVersionDto } from './dto/deliver-version.dto';
import { FILE_STORAGE, type FileStorage } from './storage/file-storage';
import type { ParsedUpload } from './storage/read-upload.util';
import { inspectUpload } from './storage/upload-inspection.util';

interface CheckedFile {
  name: string;
  contentType: string;
  bytes: Buffer;
  storedName: string;
  sha256: string;
}

/** Delivering versions with their files, and handing files back to those allowed to see them. */
@Injectable()
export class DeliverableVersionsService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly scopes: ActorScope,
    private readonly deliverables: DeliverablesService,
    private readonly repository: DeliverablesRepository,
    private readonly notifier: DeliverableNotifier,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  /**
   * Checks who may deliver (404, then 403) before reading the body, then every file, then the step;
   * only then are the files stored. A failure after that removes what was stored.
   */
  async deliver(actor: Actor, id: string, readBody: () => Promise<ParsedUpload>): Promise<DeliverableResponse> {
    await this.deliverables.findWorkable(actor, id);
    const upload = await readBody();
    const dto = await this.fields(upload.fields);
    if (!upload.files.length) throw new BadRequestException('Attach at least one file to the version');
    const files = upload.files.map((f): CheckedFile => {
      const checked = inspectUpload(f.name, f.declaredType, f.bytes);
      if (!checked.ok)
        throw new HttpException({ statusCode: checked.status, message: checked.message, error: 'Refused file' }, checked.status);
      return {
        name: checked.name,
        contentType: checked.contentType,
        bytes: f.bytes,
        storedName: randomBytes(16).toString('hex'),
        sha256: sha256(f.bytes),
      };
    });
    const d = await this.deliverables.findWorkable(actor, id, true);
    const waiting = (await this.repository.revisionRequests(this.tenant.manager, await this.scopes.of(actor), { deliverableId: id })).find(
      (r) => r.status === 'open' || r.status === 'pending_acceptance',
    );
    const kind = await this.kindOf(actor, d, dto, waiting);

    const written: string[] = [];
    const removeWritten = async () => {
      await Promise.all(written.map((key) => this.storage.remove(key).catch(() => undefined)));
    };
    this.tenant.onRollback(removeWritten);
    try {
      for (const f of files) {
        const key = `${actor.tenantId}/${f.storedName}`;
        await this.storage.put(key, f.bytes, f.contentType);
        written.push(key);
      }
      await this.record(actor, d, kind, dto, waiting, files);
    } catch (error) {
      await removeWritten();
      throw error;
    }
    return this.deliverables.get(actor, id);
  }

  /** A file of a deliverable the caller may see, with its bytes; 404 for anything else. */
  async open(actor: Actor, deliverableId: string, fileId: string): Promise<{ file: FileRow; stream: Readable }> {
    await this.deliverables.findVisible(actor, deliverableId);
    const [file] = await this.repository.files(this.tenant.manager, await this.scopes.of(actor), { deliverableId, id: fileId });
    if (!file) throw new NotFoundException('File not found');
    try {
      return { file, stream: await this.storage.open(`${actor.tenantId}/${file.storedName}`) };
    } catch {
      throw new NotFoundException('The file is missing from storage; ask the team to upload it again');
    }
  }

  private async fields(fields: Record<string, string>): Promise<DeliverVersionDto> {
    const unknown = Object.keys(fields).filter((k) => k !== 'changeSummary' && k !== 'disclosureId');
    if (unknown.length) throw new BadRequestException(`Unknown fields: ${unknown.join(', ')}; send changeSummary, disclosureId and files`);
    // Multipart fields skip the global pipes; the same checks run here.
    new HostileInputPipe().transform(fields, { type: 'body', metatype: DeliverVersionDto });
    const dto = plainToInstance(DeliverVersionDto, fields);
    const errors = await validate(dto);
    if (errors.length) throw validationException(errors);
    return dto;
  }

  /**
   * Which kind of version this is and whether it may come now: the first is the initial one, one
   * answering an open client request is a revision, and one linked to a disclosed error of this
   * engagement is a correction, which may come at any time and never counts as a round.
   */
  private async kindOf(
    actor: Actor,
    d: DeliverableRow,
    dto: DeliverVersionDto,
    waiting: RevisionRequestRow | undefined,
  ): Promise<VersionKind> {
    if (dto.disclosureId) {
      const disclosure = await this.repository.disclosure(this.tenant.manager, actor.tenantId, dto.disclosureId);
      if (!disclosure || disclosure.engagementId !== d.engagementId)
        throw new BadRequestException('disclosureId must be a disclosure of this engagement');
      if (!isDisclosed(disclosure.status))
        throw new ConflictException('Disclose the error to the client first: a correction links to a disclosed error');
      if (disclosure.deliverableId && disclosure.deliverableId !== d.id)
        throw new BadRequestException('That disclosure is about another deliverable');
      if (d.versionCount === 0)
        throw new ConflictException('There is no version to correct yet: deliver the first version without disclosureId');
      return 'correction';
    }
    const kind: VersionKind = d.versionCount === 0 ? 'initial' : 'revision';
    if (kind === 'revision' && waiting?.status === 'pending_acceptance') {
      throw new ConflictException('The client asked for a billable extra round: accept or decline it before delivering');
    }
    if (!DELIVERABLE_FROM[kind].includes(d.status)) {
      const why =
        d.status === 'submitted'
          ? `version ${d.versionCount} waits for the client's review`
          : d.status === 'approved'
            ? 'the client approved it; only a correction of a disclosed error may follow'
            : `it is ${d.status}`;
      throw new ConflictException(`A new version cannot be delivered now: ${why}`);
    }
    return kind;
  }

  private async record(
    actor: Actor,
    d: DeliverableRow,
    kind: VersionKind,
    dto: DeliverVersionDto,
    waiting: RevisionRequestRow | undefined,
    files: CheckedFile[],
  ): Promise<void> {
    const manager = this.tenant.manager;
    const versionId = randomUUID();
    const number = d.versionCount + 1;
    // A revision fulfils the open request; a correction fulfils any waiting one and gives its round back.
    const fulfils = kind === 'revision' || kind === 'correction' ? waiting : undefined;
    await this.repository.insertVersion(manager, {
      tenantId: actor.tenantId,
      id: versionId,
      deliverableId: d.id,
      number,
      changeSummary: dto.changeSummary.trim(),
      kind,
      revisionRequestId: fulfils?.id ?? null,
      disclosureId: kind === 'correction' ? (dto.disclosureId ?? null) : null,
      createdBy: actor.userId,
    });
    for (const f of files) {
      await this.repository.insertFile(manager, actor.tenantId, versionId, { ...f, sizeBytes: f.bytes.length, storage: this.storage.kind });
    }
    // A correction gives the waiting request's round back.
    if (fulfils) await this.repository.fulfilRequest(manager, actor.tenantId, fulfils.id, kind === 'correction');
    if (kind === 'correction' && dto.disclosureId) await this.repository.linkDisclosure(manager, actor.tenantId, dto.disclosureId, d.id);
    await this.repository.markDelivered(manager, actor.tenantId, d.id);
    await this.deliverables.record(actor, 'version_delivered', d.id, {
      from: d.status,
      to: 'submitted',
      versionId,
      number,
      kind,
      disclosureId: kind === 'correction' ? dto.disclosureId : null,
      fulfilledRequestId: fulfils?.id ?? null,
      roundReleased: kind === 'correction' && Boolean(fulfils?.countsAsRound),
      files: files.map((f) => ({ name: f.name, contentType: f.contentType, sizeBytes: f.bytes.length, sha256: f.sha256 })),
    });
    await this.deliverables.announce(actor, d.id, 'deliverable.delivered');
    await this.notifier.send(
      actor.tenantId,
      d,
      'client_contacts',
      'deliverable_delivered',
      { versionNumber: number, versionKind: kind, changeSummary: dto.changeSummary.trim() },
      await actorRef(this.tenant.manager, actor),
    );
  }
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
