import { filetypeinfo } from 'magic-bytes.js';

/** A file kind we accept: its canonical type, its extensions, and the declared types that may name it. */
interface AllowedKind {
  type: string;
  extensions: string[];
  declared: string[];
}

const OOXML = 'application/vnd.openxmlformats-officedocument';
const ALLOWED: Record<string, AllowedKind> = {
  pdf: { type: 'application/pdf', extensions: ['pdf'], declared: ['application/pdf'] },
  png: { type: 'image/png', extensions: ['png'], declared: ['image/png'] },
  jpeg: { type: 'image/jpeg', extensions: ['jpg', 'jpeg'], declared: ['image/jpeg', 'image/jpg', 'image/pjpeg'] },
  gif: { type: 'image/gif', extensions: ['gif'], declared: ['image/gif'] },
  webp: { type: 'image/webp', extensions: ['webp'], declared: ['image/webp'] },
  docx: { type: `${OOXML}.wordprocessingml.document`, extensions: ['docx'], declared: [`${OOXML}.wordprocessingml.document`] },
  xlsx: { type: `${OOXML}.spreadsheetml.sheet`, extensions: ['xlsx'], declared: [`${OOXML}.spreadsheetml.sheet`] },
  pptx: { type: `${OOXML}.presentationml.presentation`, extensions: ['pptx'], declared: [`${OOXML}.presentationml.presentation`] },
  text: { type: 'text/plain; charset=utf-8', extensions: ['txt'], declared: ['text/plain'] },
  // Browsers on Windows often declare CSV as Excel's type.
  csv: {
    type: 'text/csv; charset=utf-8',
    extensions: ['csv'],
    declared: ['text/csv', 'application/csv', 'application/vnd.ms-excel', 'text/plain'],
  },
};

export const ALLOWED_EXTENSIONS = Object.values(ALLOWED).flatMap((k) => k.extensions);

/** Control characters (C0, DEL, C1) and the bidirectional overrides that make "exe.pdf" read as "fdp.exe". */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_NAME_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

export type InspectionResult = { ok: true; name: string; contentType: string } | { ok: false; status: 400 | 415; message: string };

/**
 * Checks an upload's name and decides its type from its bytes. The extension and the declared type
 * must both agree with what the bytes are; anything not on the allow-list is refused.
 */
export function inspectUpload(originalName: string, declaredType: string, bytes: Buffer): InspectionResult {
  const nameProblem = checkFileName(originalName);
  if (nameProblem) return { ok: false, status: 400, message: nameProblem };
  const name = originalName.normalize('NFC');
  if (bytes.length === 0) return { ok: false, status: 400, message: `${name} is empty` };
  const extension = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  const kind = detectKind(bytes);
  if (!kind) {
    return { ok: false, status: 415, message: `${name}: this kind of file is not accepted; send ${ALLOWED_EXTENSIONS.join(', ')}` };
  }
  const allowed = kind === 'text' && extension === 'csv' ? ALLOWED['csv'] : ALLOWED[kind];
  if (!allowed.extensions.includes(extension)) {
    return {
      ok: false,
      status: 415,
      message: `${name}: the name says .${extension || '(none)'} but the content is ${allowed.extensions[0]}`,
    };
  }
  const declared = declaredType.split(';')[0].trim().toLowerCase();
  if (!allowed.declared.includes(declared)) {
    return {
      ok: false,
      status: 415,
      message: `${name}: declared as ${declared || '(nothing)'} but the content is ${allowed.extensions[0]}`,
    };
  }
  return { ok: true, name, contentType: allowed.type };
}

/** Why a client-given file name is refused, or null. */
export function checkFileName(name: string): string | null {
  if (!name || !name.trim()) return 'Every file needs a name';
  if (UNSAFE_NAME_CHARS.test(name)) return 'File names may not contain control characters';
  if (name.includes('/') || name.includes('\\')) return 'File names may not contain / or \\ (send the file, not its path)';
  if (name === '.' || name === '..' || name.includes('..')) return 'File names may not contain ..';
  if (Buffer.byteLength(name, 'utf8') > 255) return 'File names may be at most 255 bytes long';
  if (name.trim() !== name) return 'File names may not start or end with spaces';
  return null;
}

/** The allow-list kind the bytes are, or null. */
function detectKind(bytes: Buffer): string | null {
  const found = filetypeinfo(new Uint8Array(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096))).map((t) => t.typename);
  if (found.includes('pdf')) return 'pdf';
  if (found.includes('png')) return 'png';
  if (found.includes('jpg')) return 'jpeg';
  if (found.includes('gif')) return 'gif';
  if (found.includes('webp')) return 'webp';
  if (found.includes('zip')) return officeKind(bytes);
  if (found.length === 0 && isPlainText(bytes)) return 'text';
  return null;
}

/** An Office Open XML file is a zip with [Content_Types].xml and the part folder of its kind. */
function officeKind(bytes: Buffer): string | null {
  if (!bytes.includes('[Content_Types].xml')) return null;
  if (bytes.includes('word/')) return 'docx';
  if (bytes.includes('xl/')) return 'xlsx';
  if (bytes.includes('ppt/')) return 'pptx';
  return null;
}

/** Valid UTF-8 with no NUL byte: text, not a binary that happens to lack a signature. */
function isPlainText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
