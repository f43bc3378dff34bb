import { BadRequestException, HttpException, Inject, Injectable, NotFoundException, UnsupportedMediaTypeException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { DataSource, EntityManager } from 'typeorm';
import { withTenant, type TenantBrandRow } from '@candor/db';
import { brandColorRefusal, checkBrandColor, effectiveBrand, type Actor } from '@candor/domain';
import { ActorScope } from '../../common/actor-scope';
import { TenantContext } from '../../common/tenant-context';
import { AuditService } from '../audit/audit.service';
import { FILE_STORAGE, type FileStorage } from '../deliverables/storage/file-storage';
import type { ParsedUpload } from '../deliverables/storage/read-upload.util';
import { inspectUpload } from '../deliverables/storage/upload-inspection.util';
import { BrandRepository, type BrandPatch } from './brand.repository';
import type { UpdateBrandDto } from './dto/update-brand.dto';

/** The kinds a logo may be: raster images a mail client shows; SVG is refused (it can carry script). */
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'];
/** A logo is shown small; this keeps emails and pages light. */
export const LOGO_MAX_BYTES = 512 * 1024;

/** What a printable report or a share-link page wears; the logo inlined, so the page needs no other request. */
export interface DocumentBrand {
  name: string;
  primaryColor: string;
  footerText: string | null;
  logoDataUri: string | null;
}

/** The image types pdfkit draws (a WebP logo is left off the PDF, which then shows the name alone). */
export const PDF_LOGO_TYPES = ['image/png', 'image/jpeg'];

export interface InvoiceBrand {
  name: string;
  logo: Buffer | null;
}

export interface LogoFile {
  contentType: string;
  sizeBytes: number;
  sha256: string;
  stream: Readable;
}

/** The agency's brand: the owner's settings and logo, every change audited in its transaction. */
@Injectable()
export class BrandService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tenant: TenantContext,
    private readonly scopes: ActorScope,
    private readonly repository: BrandRepository,
    private readonly audit: AuditService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  /** The brand of the caller's workspace; a member whose scope cannot be worked out is refused (fails closed). */
  async get(actor: Actor): Promise<TenantBrandRow> {
    const { tenantId } = await this.scopes.of(actor);
    return this.repository.find(this.tenant.manager, tenantId);
  }

  async update(actor: Actor, dto: UpdateBrandDto): Promise<TenantBrandRow> {
    const manager = this.tenant.manager;
    const before = await this.get(actor);
    const patch: BrandPatch = Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined));
    if (!Object.keys(patch).length) return before;
    if (typeof dto.primaryColor === 'string') {
      const color = dto.primaryColor.toLowerCase();
      const verdict = checkBrandColor(color);
      if (!verdict.ok) {
        throw new BadRequestException({
          code: 'low_contrast',
          field: 'primaryColor',
          message: brandColorRefusal(color, verdict),
          ratio: verdict.ratio,
          suggestion: verdict.suggestion,
        });
      }
      patch.primaryColor = color;
    }
    await this.repository.save(manager, actor.tenantId, patch);
    await this.record(actor, 'brand.updated', { before: settingsOf(before), after: patch });
    return this.repository.find(manager, actor.tenantId);
  }

  /** Checks the one file's bytes (PNG, JPEG or WebP: 415 otherwise) before storing it; the old logo goes once the new one is written. */
  async replaceLogo(actor: Actor, readBody: () => Promise<ParsedUpload>): Promise<TenantBrandRow> {
    const before = await this.get(actor);
    const upload = await readBody();
    if (Object.keys(upload.fields).length) throw new BadRequestException('Send only the logo file');
    const [file] = upload.files;
    if (!file) throw new BadRequestException({ code: 'required', field: 'logo', message: 'Attach the logo: a PNG, JPEG or WebP image' });
    const checked = inspectUpload(file.name, file.declaredType, file.bytes);
    if (!checked.ok)
      throw new HttpException({ statusCode: checked.status, message: checked.message, error: 'Refused file' }, checked.status);
    if (!LOGO_TYPES.includes(checked.contentType)) {
      throw new UnsupportedMediaTypeException(`${checked.name}: a logo must be a PNG, JPEG or WebP image`);
    }
    const key = `${actor.tenantId}/${randomBytes(16).toString('hex')}`;
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    const remove = () => this.storage.remove(key).catch(() => undefined);
    this.tenant.onRollback(remove);
    await this.storage.put(key, file.bytes, checked.contentType);
    const logo = { logoKey: key, logoContentType: checked.contentType, logoSizeBytes: file.bytes.length, logoSha256: sha256 };
    await this.repository.save(this.tenant.manager, actor.tenantId, logo);
    await this.record(actor, 'brand.logo_replaced', {
      before: logoOf(before),
      after: { contentType: checked.contentType, sizeBytes: file.bytes.length, sha256 },
    });
    // The old bytes are not needed by any page once the row names the new ones.
    if (before.logoKey) await this.storage.remove(before.logoKey).catch(() => undefined);
    return this.repository.find(this.tenant.manager, actor.tenantId);
  }

  /** Back to the name in the header; removing a logo that is not there changes nothing and records nothing. */
  async removeLogo(actor: Actor): Promise<TenantBrandRow> {
    const before = await this.get(actor);
    if (!before.logoKey) return before;
    await this.repository.save(this.tenant.manager, actor.tenantId, {
      logoKey: null,
      logoContentType: null,
      logoSizeBytes: null,
      logoSha256: null,
    });
    await this.record(actor, 'brand.logo_removed', { before: logoOf(before) });
    await this.storage.remove(before.logoKey).catch(() => undefined);
    return this.repository.find(this.tenant.manager, actor.tenantId);
  }

  /** The brand of a report: inside the request's transaction, or the share link's own tenant transaction. */
  async forDocument(manager: EntityManager, tenantId: string): Promise<DocumentBrand> {
    const row = await this.repository.find(manager, tenantId);
    const brand = effectiveBrand(row);
    const bytes = await this.logoBytes(row);
    const logoDataUri = bytes && row.logoContentType ? `data:${row.logoContentType};base64,${bytes.toString('base64')}` : null;
    return { name: brand.name, primaryColor: brand.primaryColor, footerText: brand.footerText, logoDataUri };
  }

  /** The agency on an invoice PDF: the display name, and the logo when it is a PNG or JPEG (what pdfkit draws). */
  async forInvoice(manager: EntityManager, tenantId: string): Promise<InvoiceBrand> {
    const row = await this.repository.find(manager, tenantId);
    const drawable = row.logoContentType !== null && PDF_LOGO_TYPES.includes(row.logoContentType);
    return { name: effectiveBrand(row).name, logo: drawable ? await this.logoBytes(row) : null };
  }

  /** The logo's bytes; a logo missing from storage falls back to the name, as with no logo. */
  private async logoBytes(row: TenantBrandRow): Promise<Buffer | null> {
    if (!row.logoKey || !row.logoContentType) return null;
    try {
      return Buffer.concat(await (await this.storage.open(row.logoKey)).toArray());
    } catch {
      return null;
    }
  }

  /** The logo of the caller's workspace. */
  async openLogo(actor: Actor): Promise<LogoFile> {
    return this.open(await this.get(actor), null);
  }

  /** The public logo URL: 404 unless the tenant has a logo with exactly these bytes. */
  openPublicLogo(tenantId: string, sha256: string): Promise<LogoFile> {
    return withTenant(this.dataSource, tenantId, async (manager) => this.open(await this.repository.find(manager, tenantId), sha256));
  }

  private async open(brand: TenantBrandRow, sha256: string | null): Promise<LogoFile> {
    const { logoKey, logoContentType, logoSizeBytes, logoSha256 } = brand;
    if (!logoKey || !logoContentType || logoSizeBytes === null || !logoSha256 || (sha256 !== null && sha256 !== logoSha256)) {
      throw new NotFoundException('No logo here');
    }
    try {
      return { contentType: logoContentType, sizeBytes: logoSizeBytes, sha256: logoSha256, stream: await this.storage.open(logoKey) };
    } catch {
      throw new NotFoundException('No logo here');
    }
  }

  private record(actor: Actor, action: string, change: Record<string, unknown>): Promise<void> {
    return this.audit.record(this.tenant.manager, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action,
      entityType: 'tenant_brand',
      entityId: actor.tenantId,
      change,
    });
  }
}

const settingsOf = (b: TenantBrandRow) => ({
  displayName: b.displayName,
  primaryColor: b.primaryColor,
  senderName: b.senderName,
  replyTo: b.replyTo,
  footerText: b.footerText,
});

const logoOf = (b: TenantBrandRow) =>
  b.logoSha256 ? { contentType: b.logoContentType, sizeBytes: b.logoSizeBytes, sha256: b.logoSha256 } : null;
