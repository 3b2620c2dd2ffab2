import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { principalOf, requireRole } from '../api/auth.ts';
import { discardUnread } from '../api/unread-body.ts';
import type { BatchRow, ConsignmentsRepo } from '../adapters/store/consignments.repo.ts';
import type { Principal } from '../adapters/store/principals.repo.ts';
import { newId } from '../kernel/index.ts';
import { ConsignmentErrors, parseCargoXml, type ParseOptions } from '../modules/consignments/index.ts';
import { decodeCursor, encodeCursor } from '../api/cursor.ts';
import { ClearanceErrors as E } from '../workflows/clearance/errors.ts';
import type { ClearanceEngine } from '../workflows/clearance/clear-consignments.ts';
import type { ClearancePipeline } from '../workflows/clearance/pipeline.ts';
import { ingest, type BatchFormat } from '../workflows/clearance/upload.ts';

const tags = ['consignments'];
export const UPLOAD_LIMIT_BYTES = 200 * 1024 * 1024;
const FORMATS: Record<string, BatchFormat> = { 'application/x-ndjson': 'ndjson', 'text/csv': 'csv' };

export interface RouteDeps {
  readonly repo: ConsignmentsRepo;
  readonly pipeline: ClearancePipeline;
  readonly parse: ParseOptions;
  /** Embedded mode: the engine that clears each chunk before it is stored (see upload.ts). */
  readonly inlineEngine?: () => Promise<ClearanceEngine>;
  /** Upload chunks stored at once (PostgreSQL's pool takes several; PGlite one). */
  readonly parallelChunks?: number;
}

/** Consignments belong to the sender's party when the key is tied to one, else to the key's principal. */
export const ownerOf = (p: Principal): string => p.partyId ?? p.id;

/**
 * Client-chosen batch ids (`?id=`) belong to their sender: stored under a tag of the owner, so two senders may pick
 * the same id, and a sender learns nothing about another's batches from a 409. Server-made ids are unique already.
 */
const ownerTag = (ownerId: string): string => `~${createHash('sha256').update(ownerId).digest('base64url').slice(0, 12)}`;
const scopedId = (id: string, ownerId: string): string => `${id}${ownerTag(ownerId)}`;

/** The id as its sender chose it; others (officers) see the stored id, which is the one they can ask for. */
const shownId = (b: BatchRow, p: Principal): string => {
  const tag = ownerTag(ownerOf(p));
  return b.ownerId === ownerOf(p) && b.id.endsWith(tag) ? b.id.slice(0, -tag.length) : b.id;
};

const view = (b: BatchRow, p: Principal) => ({
  id: shownId(b, p),
  format: b.format,
  status: b.status,
  acceptedLines: b.acceptedLines,
  rejectedLines: b.rejectedLines,
  decided: b.decided,
  error: b.error,
  createdAt: b.createdAt,
  completedAt: b.completedAt,
});

export function consignmentRoutes(deps: RouteDeps) {
  const { repo, pipeline } = deps;

  /** Traders see only their own batches; officers, analysts and admins all of them. */
  async function visibleBatch(req: FastifyRequest, id: string): Promise<BatchRow> {
    const p = principalOf(req);
    const b = (await repo.getBatch(scopedId(id, ownerOf(p)))) ?? (await repo.getBatch(id));
    if (!b || (p.role === 'trader' && b.ownerId !== ownerOf(p))) throw E.batchNotFound(undefined, { id });
    return b;
  }

  return async (app: FastifyInstance): Promise<void> => {
    // Streamed bodies: the raw request stream goes to the handler, which parses it line by line (never buffered whole).
    for (const type of Object.keys(FORMATS)) app.addContentTypeParser(type, (_req, payload, done) => done(null, payload));
    app.addContentTypeParser(['application/xml', 'text/xml'], { parseAs: 'string', bodyLimit: 16 * 1024 * 1024 }, (_req, body, done) =>
      done(null, body),
    );

    app.post<{ Querystring: { id?: string } }>(
      '/api/v1/consignment-batches',
      {
        preHandler: requireRole('trader', 'admin'),
        bodyLimit: UPLOAD_LIMIT_BYTES,
        schema: {
          tags,
          summary: 'Upload a batch of low-value consignments (NDJSON or CSV stream, up to 100,000); answers once every line is stored',
          querystring: Type.Object(
            { id: Type.Optional(Type.String({ pattern: '^cb_[A-Za-z0-9_-]{6,40}$', description: 'client-chosen batch id, to poll progress during the upload' })) },
            { additionalProperties: false },
          ),
        },
      },
      async (req, reply) => {
        const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
        const format = FORMATS[type];
        if (!format) throw E.unsupportedMediaType(undefined, { contentType: type });
        const ownerId = ownerOf(principalOf(req));
        const id = req.query.id ? scopedId(req.query.id, ownerId) : newId('cb');
        if (await repo.getBatch(id)) throw E.batchExists(undefined, { id: req.query.id });
        await repo.createBatch({ id, ownerId, format });
        const clearInline = deps.inlineEngine ? await deps.inlineEngine() : undefined;
        const body = req.body as Readable;
        try {
          // Not destroyed when the parser stops early (bad header): the rest is read and discarded below.
          await ingest(repo, pipeline, { id, ownerId, format }, body.iterator({ destroyOnReturn: false }), {
            parse: deps.parse,
            maxBytes: UPLOAD_LIMIT_BYTES,
            ...(deps.parallelChunks ? { parallel: deps.parallelChunks } : {}),
            ...(clearInline ? { clearInline } : {}),
          });
        } finally {
          await discardUnread(req, reply, UPLOAD_LIMIT_BYTES);
        }
        const b = await repo.getBatch(id);
        const shown = view(b!, principalOf(req));
        return reply.status(201).header('location', `/api/v1/consignment-batches/${shown.id}`).send(shown);
      },
    );

    app.get<{ Querystring: { limit?: string; cursor?: string } }>(
      '/api/v1/consignment-batches',
      {
        preHandler: requireRole('trader', 'officer', 'analyst', 'admin'),
        schema: {
          tags,
          summary: 'Past batches, newest first, with their counters (traders see their own); page with nextCursor',
          querystring: Type.Object(
            {
              limit: Type.Optional(Type.String({ pattern: '^\\d{1,3}$' })),
              cursor: Type.Optional(Type.String({ maxLength: 200, pattern: '^[A-Za-z0-9_-]*$' })),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (req) => {
        const p = principalOf(req);
        const limit = Math.min(100, Math.max(1, Number(req.query.limit ?? '20')));
        const before = req.query.cursor ? decodeCursor(req.query.cursor) : undefined;
        const rows = await repo.listBatches({ ...(p.role === 'trader' ? { ownerId: ownerOf(p) } : {}), ...(before ? { before } : {}), limit });
        const last = rows.at(-1);
        return { items: rows.map((b) => view(b, p)), nextCursor: rows.length === limit && last ? encodeCursor(last.createdAt, last.id) : null };
      },
    );

    app.get<{ Params: { id: string } }>(
      '/api/v1/consignment-batches/:id',
      { preHandler: requireRole('trader', 'officer', 'analyst', 'admin'), schema: { tags, summary: 'A batch and its progress (readable during the upload)', params: Type.Object({ id: Type.String() }) } },
      async (req) => view(await visibleBatch(req, req.params.id), principalOf(req)),
    );

    app.get<{ Params: { id: string }; Querystring: { from?: string; limit?: string } }>(
      '/api/v1/consignment-batches/:id/lines',
      {
        preHandler: requireRole('trader', 'officer', 'analyst', 'admin'),
        schema: {
          tags,
          summary: 'Per-line results: accepted (with the clearance once decided) or rejected with problems',
          params: Type.Object({ id: Type.String() }),
          querystring: Type.Object(
            { from: Type.Optional(Type.String({ pattern: '^\\d{1,9}$' })), limit: Type.Optional(Type.String({ pattern: '^\\d{1,4}$' })) },
            { additionalProperties: false },
          ),
        },
      },
      async (req) => {
        const b = await visibleBatch(req, req.params.id);
        const from = Number(req.query.from ?? '1');
        const limit = Math.min(1000, Math.max(1, Number(req.query.limit ?? '100')));
        const officer = principalOf(req).role !== 'trader';
        const items = (await repo.lines(b.id, from, limit)).map((l) => ({
          lineNo: l.lineNo,
          consignmentId: l.consignmentId,
          accepted: l.accepted,
          ...(l.problems ? { problems: l.problems } : {}),
          ...(l.accepted ? { status: l.status, lane: l.lane, assessment: l.assessment } : {}),
          // Selection reasons and scores are for officers: a trader who saw them could learn to evade them.
          ...(l.accepted && officer ? { risk: l.risk } : {}),
        }));
        const last = items.at(-1);
        return { items, nextFrom: items.length === limit && last ? last.lineNo + 1 : null };
      },
    );

    app.post(
      '/api/v1/advance-cargo',
      { preHandler: requireRole('trader', 'admin'), schema: { tags, summary: 'Advance air-waybill data: an IATA Cargo-XML XFWB or XFZB document' } },
      async (req, reply) => {
        const r = parseCargoXml(String(req.body ?? ''));
        if (!r.ok) {
          const awb = r.error[0]?.code === ConsignmentErrors.invalidAwb.code;
          throw (awb ? ConsignmentErrors.invalidAwb : ConsignmentErrors.cargoXmlInvalid)(r.error[0]?.message, { problems: r.error });
        }
        const rows = r.value.map((a) => ({
          id: newId('adv'),
          kind: a.kind === 'master' ? 'XFWB' : 'XFZB',
          masterAwb: a.masterAwb,
          houseAwb: a.houseAwb ?? null,
          data: a,
        }));
        await repo.addAdvance(rows);
        return reply.status(201).send({ items: rows.map((x) => ({ id: x.id, kind: x.kind, masterAwb: x.masterAwb, houseAwb: x.houseAwb })) });
      },
    );

    app.get<{ Params: { id: string } }>(
      '/api/v1/advance-cargo/:id',
      { preHandler: requireRole('trader', 'officer', 'analyst', 'admin'), schema: { tags, summary: 'An advance cargo record and the consignment it was matched to', params: Type.Object({ id: Type.String() }) } },
      async (req) => {
        const a = await repo.getAdvance(req.params.id);
        if (!a) throw E.advanceNotFound(undefined, { id: req.params.id });
        return a;
      },
    );
  };
}
