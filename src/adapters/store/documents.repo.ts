import { and, asc, count, eq } from 'drizzle-orm';
import { newId } from '../../kernel/index.ts';
import type { NewDocument } from '../../modules/documents/index.ts';
import type { Db } from './connect.ts';
import { declarationDocuments, declarations } from './schema.ts';

/** What a list shows of a document: never its bytes. */
export interface DocumentMeta {
  readonly id: string;
  readonly declarationId: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly note: string | null;
  readonly uploadedBy: string;
  readonly uploadedAt: string;
}

const META = {
  id: declarationDocuments.id,
  declarationId: declarationDocuments.declarationId,
  fileName: declarationDocuments.fileName,
  contentType: declarationDocuments.contentType,
  sizeBytes: declarationDocuments.sizeBytes,
  sha256: declarationDocuments.sha256,
  note: declarationDocuments.note,
  uploadedBy: declarationDocuments.uploadedBy,
  uploadedAt: declarationDocuments.uploadedAt,
};

const toMeta = (r: { [K in keyof typeof META]: (typeof declarationDocuments.$inferSelect)[K] }): DocumentMeta => ({ ...r, uploadedAt: r.uploadedAt.toISOString() });

/** Documents sent for declarations, with their bytes in the database (bytea). */
export class DocumentsRepo {
  constructor(private readonly db: Db) {}

  /**
   * Stores a document unless the declaration already has `max` of them ('too_many'), or does not exist
   * ('no_declaration'). The declaration's row is locked meanwhile, so two uploads at once cannot both pass the count.
   */
  async add(declarationId: string, doc: NewDocument, by: string, max: number): Promise<DocumentMeta | 'too_many' | 'no_declaration'> {
    return this.db.transaction(async (tx) => {
      const [decl] = await tx.select({ id: declarations.id }).from(declarations).where(eq(declarations.id, declarationId)).for('update');
      if (!decl) return 'no_declaration' as const;
      const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(declarationDocuments).where(eq(declarationDocuments.declarationId, declarationId));
      if (Number(n) >= max) return 'too_many' as const;
      const [row] = await tx
        .insert(declarationDocuments)
        .values({ id: newId('doc'), declarationId, fileName: doc.fileName, contentType: doc.contentType, sizeBytes: doc.content.length, sha256: doc.sha256, note: doc.note, content: doc.content, uploadedBy: by })
        .returning(META);
      return toMeta(row!);
    });
  }

  /** The declaration's documents, oldest first. */
  async list(declarationId: string): Promise<DocumentMeta[]> {
    const rows = await this.db.select(META).from(declarationDocuments).where(eq(declarationDocuments.declarationId, declarationId)).orderBy(asc(declarationDocuments.uploadedAt), asc(declarationDocuments.id));
    return rows.map(toMeta);
  }

  /** One document with its bytes, only if it belongs to the declaration named. */
  async get(declarationId: string, id: string): Promise<(DocumentMeta & { content: Buffer }) | undefined> {
    const [row] = await this.db
      .select({ ...META, content: declarationDocuments.content })
      .from(declarationDocuments)
      .where(and(eq(declarationDocuments.id, id), eq(declarationDocuments.declarationId, declarationId)));
    return row ? { ...toMeta(row), content: row.content } : undefined;
  }
}
