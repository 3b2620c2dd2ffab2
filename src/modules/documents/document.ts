import { createHash } from 'node:crypto';
import { DocumentErrors as E } from './errors.ts';

/**
 * Documents a trader sends for a declaration (an invoice, a certificate of origin, a permit) in answer to an
 * officer's request. PDF, JPEG and PNG only: what customs offices accept, and types a browser shows without running
 * anything. The bytes must be what the declared type says (checked on their signature), so a file cannot pass as a
 * PDF and be opened as something else.
 */
export const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** 5 MiB per file: a scanned certificate or invoice; larger files are split or compressed by the sender. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
/** Base64 of the largest file, rounded up to whole 4-character groups. */
export const MAX_DOCUMENT_BASE64 = Math.ceil(MAX_DOCUMENT_BYTES / 3) * 4;
export const MAX_DOCUMENTS_PER_DECLARATION = 20;
export const MAX_FILE_NAME = 200;

const SIGNATURES: Record<DocumentType, readonly number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d],
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};

export interface NewDocument {
  readonly fileName: string;
  readonly contentType: DocumentType;
  readonly content: Buffer;
  readonly sha256: string;
  readonly note: string | null;
}

export interface DocumentInput {
  readonly fileName: string;
  readonly contentType: string;
  readonly contentBase64: string;
  readonly note?: string | null | undefined;
}

const isDocumentType = (t: string): t is DocumentType => (DOCUMENT_TYPES as readonly string[]).includes(t);

/**
 * A file name safe to store and to send back in Content-Disposition: no folders, no control characters, at most
 * 200 characters; an empty name becomes "document".
 */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, MAX_FILE_NAME);
  return clean === '' || clean === '.' || clean === '..' ? 'document' : clean;
}

/** Checks and decodes an uploaded document; throws the error the API answers with. */
export function readDocument(input: DocumentInput): NewDocument {
  const type = input.contentType.trim().toLowerCase();
  if (!isDocumentType(type)) throw E.unsupportedType(`"${input.contentType}" is not accepted: send a PDF, JPEG or PNG file`, { contentType: input.contentType, accepted: DOCUMENT_TYPES });
  const b64 = input.contentBase64.replace(/\s+/g, '');
  if (b64.length > MAX_DOCUMENT_BASE64) throw E.tooLarge(`Documents are at most ${MAX_DOCUMENT_BYTES} bytes`, { limitBytes: MAX_DOCUMENT_BYTES });
  if (b64 === '' || b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) throw E.invalidContent('The content is not base64 (RFC 4648, with padding)');
  const content = Buffer.from(b64, 'base64');
  if (content.length > MAX_DOCUMENT_BYTES) throw E.tooLarge(`Documents are at most ${MAX_DOCUMENT_BYTES} bytes`, { limitBytes: MAX_DOCUMENT_BYTES });
  const sig = SIGNATURES[type];
  if (content.length < sig.length || sig.some((b, i) => content[i] !== b)) {
    throw E.invalidContent(`The content is not a ${type === 'application/pdf' ? 'PDF' : type === 'image/png' ? 'PNG' : 'JPEG'} file`, { contentType: type });
  }
  const note = input.note?.trim() ? input.note.trim() : null;
  return { fileName: cleanFileName(input.fileName), contentType: type, content, sha256: createHash('sha256').update(content).digest('hex'), note };
}

/** `attachment; filename="…"; filename*=UTF-8''…`: ASCII fallback for old clients, the real name for the others. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
