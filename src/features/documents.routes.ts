import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { principalOf, requireRole } from '../api/auth.ts';
import { canSee } from '../api/routes/declaration-view.ts';
import type { DocumentsRepo } from '../adapters/store/documents.repo.ts';
import { DeclarationErrors, type Declaration } from '../modules/declarations/index.ts';
import { contentDisposition, DocumentErrors as E, DOCUMENT_TYPES, MAX_DOCUMENT_BASE64, MAX_DOCUMENT_BYTES, MAX_DOCUMENTS_PER_DECLARATION, readDocument } from '../modules/documents/index.ts';

const tags = ['declarations'];
const strict = { additionalProperties: false } as const;
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }, strict);
const DocParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), docId: Type.String({ minLength: 1, maxLength: 64 }) }, strict);
/** The JSON around the base64: file name, type, note. */
const BODY_LIMIT = MAX_DOCUMENT_BASE64 + 16 * 1024;
const CLOSED = new Set(['released', 'rejected']);

const DocumentMetaSchema = Type.Object({
  id: Type.String(),
  declarationId: Type.String(),
  fileName: Type.String(),
  contentType: Type.String(),
  sizeBytes: Type.Integer(),
  sha256: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
  uploadedBy: Type.String(),
  uploadedAt: Type.String({ format: 'date-time' }),
});

const UploadSchema = Type.Object(
  {
    fileName: Type.String({ minLength: 1, maxLength: 255 }),
    contentType: Type.String({ minLength: 1, maxLength: 100, description: `one of ${DOCUMENT_TYPES.join(', ')}` }),
    contentBase64: Type.String({ minLength: 1, description: `the file in base64 (RFC 4648), at most ${MAX_DOCUMENT_BYTES} bytes decoded` }),
    note: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
  },
  {
    ...strict,
    examples: [
      {
        fileName: 'certificate-of-origin.pdf',
        contentType: 'application/pdf',
        contentBase64: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n').toString('base64'),
        note: 'Certificate of origin (CPTPP), as asked',
      },
    ],
  },
);

export interface DocumentRoutesDeps {
  readonly repo: DocumentsRepo;
  readonly declaration: (id: string) => Promise<Declaration>;
}

/**
 * Documents for a declaration: its owner (a trader), officers and admins send, list and download them; another
 * trader learns nothing, not even that the declaration exists. Bytes are served as attachments that the browser
 * neither sniffs nor runs.
 */
export function documentRoutes(deps: DocumentRoutesDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    const who = requireRole('trader', 'officer', 'admin');
    const visible = async (id: string, req: FastifyRequest): Promise<Declaration> => {
      const d = await deps.declaration(id);
      if (!canSee(d, principalOf(req))) throw DeclarationErrors.notFound(`No declaration "${id}"`, { id });
      return d;
    };

    app.post<{ Params: { id: string }; Body: { fileName: string; contentType: string; contentBase64: string; note?: string | null } }>(
      '/api/v1/declarations/:id/documents',
      {
        preHandler: who,
        bodyLimit: BODY_LIMIT,
        schema: {
          tags,
          summary: `Send a document for a declaration (PDF, JPEG or PNG, base64, at most ${MAX_DOCUMENT_BYTES} bytes; ${MAX_DOCUMENTS_PER_DECLARATION} per declaration)`,
          params: IdParams,
          body: UploadSchema,
          response: { 201: DocumentMetaSchema },
        },
      },
      async (req, reply) => {
        const d = await visible(req.params.id, req);
        if (CLOSED.has(d.status)) throw E.closed(`The declaration is ${d.status}; no documents can be added`, { status: d.status });
        const doc = readDocument(req.body);
        const stored = await deps.repo.add(d.id, doc, principalOf(req).id, MAX_DOCUMENTS_PER_DECLARATION);
        if (stored === 'no_declaration') throw DeclarationErrors.notFound(`No declaration "${d.id}"`, { id: d.id });
        if (stored === 'too_many') throw E.tooMany(`A declaration has at most ${MAX_DOCUMENTS_PER_DECLARATION} documents`, { limit: MAX_DOCUMENTS_PER_DECLARATION });
        reply.header('location', `/api/v1/declarations/${encodeURIComponent(d.id)}/documents/${stored.id}`);
        return reply.status(201).send(stored);
      },
    );

    app.get<{ Params: { id: string } }>(
      '/api/v1/declarations/:id/documents',
      { preHandler: who, schema: { tags, summary: "The documents sent for a declaration, oldest first (without their content)", params: IdParams, response: { 200: Type.Object({ items: Type.Array(DocumentMetaSchema) }) } } },
      async (req) => ({ items: await deps.repo.list((await visible(req.params.id, req)).id) }),
    );

    app.get<{ Params: { id: string; docId: string } }>(
      '/api/v1/declarations/:id/documents/:docId',
      { preHandler: who, schema: { tags, summary: 'Download a document (as an attachment)', params: DocParams } },
      async (req, reply) => {
        const d = await visible(req.params.id, req);
        const doc = await deps.repo.get(d.id, req.params.docId);
        if (!doc) throw E.notFound(`No document "${req.params.docId}" for declaration "${d.id}"`, { id: req.params.docId });
        return reply
          .header('content-type', doc.contentType)
          .header('content-disposition', contentDisposition(doc.fileName))
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cache-control', 'private, no-store')
          .send(doc.content);
      },
    );
  };
}
