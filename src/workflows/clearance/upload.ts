import { DomainError, wellFormed, type Problem } from '../../kernel/index.ts';
import type { ConsignmentDecision, ConsignmentsRepo, IncomingLine } from '../../adapters/store/consignments.repo.ts';
import { parseCsvBatches, parseNdjsonBatches, type Consignment, type ParsedRecord, type ParseOptions } from '../../modules/consignments/index.ts';
import { ClearanceErrors as E } from './errors.ts';
import type { ClearanceEngine } from './clear-consignments.ts';
import { decidedEvent, type ClearancePipeline } from './pipeline.ts';

export type BatchFormat = 'ndjson' | 'csv';

export interface UploadOptions {
  readonly parse: ParseOptions;
  /** Records stored per transaction and announced per message (default 500). */
  readonly chunk?: number;
  readonly maxBytes?: number;
  /**
   * Embedded mode: clear each chunk here, before storing it, and store consignments with their decisions (one write
   * per consignment, no bus round trip). Unset: store, then announce to the clearance workers.
   */
  readonly clearInline?: ClearanceEngine;
  readonly today?: () => string;
  /**
   * Chunks stored at once (default 1). PostgreSQL takes several in parallel on its pool; PGlite has one connection.
   * With more than one, which of two lines re-sending the same id in neighbouring chunks is kept is not defined.
   */
  readonly parallel?: number;
  /** How often the batch is marked as still being received (default 10 s; see ClearancePipeline.sweep). */
  readonly heartbeatMs?: number;
}

/** An upload is marked alive this often; a sweep fails it after UPLOAD_STALE_MS without a mark. */
export const HEARTBEAT_MS = 10_000;

/** PostgreSQL's deadlock error: two chunks racing on the same re-sent ids. The loser's transaction is retried. */
const isDeadlock = (e: unknown): boolean => {
  const x = e as { code?: unknown; cause?: { code?: unknown } } | null;
  return x?.code === '40P01' || x?.cause?.code === '40P01';
};

/** Counts bytes as they stream through and stops the stream past the limit: streamed bodies have their own limit. */
async function* limited(source: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<Buffer | string> {
  let n = 0;
  for await (const chunk of source) {
    n += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    if (n > maxBytes) throw E.uploadTooLarge(`The upload passed ${maxBytes} bytes`, { maxBytes });
    yield chunk;
  }
}

/**
 * A rejected line's problems may quote what the sender wrote (a column name, an id): NUL and lone surrogates in
 * them would fail the store, so they are replaced (accepted consignments never hold them: validation refuses them).
 */
const storable = (problems: readonly Problem[]): Problem[] =>
  JSON.parse(JSON.stringify(problems), (_k, v: unknown) => (typeof v === 'string' ? wellFormed(v) : v)) as Problem[];

const toLine = (r: ParsedRecord): IncomingLine =>
  'consignment' in r
    ? // serialised here, for the store (the bus message carries the consignment's clearable part, packed)
      { lineNo: r.lineNo, consignmentId: r.consignment.consignmentId, data: r.consignment, json: JSON.stringify(r.consignment) }
    : { lineNo: r.lineNo, problems: storable(r.problems), ...(r.consignmentId !== undefined ? { consignmentId: wellFormed(r.consignmentId) } : {}) };

/**
 * Streams one upload into a batch: parse, store each chunk of records in one transaction (so every line counted in
 * acceptedLines is stored), announce its new consignments to the clearance pipeline. The next chunk is parsed while
 * the previous ones are being stored; at most `parallel` stores are in flight, so a slow store slows the reading of
 * the socket instead of queueing records in memory.
 */
export async function ingest(
  repo: ConsignmentsRepo,
  pipeline: ClearancePipeline,
  batch: { id: string; ownerId: string; format: BatchFormat },
  body: AsyncIterable<Buffer | string>,
  opts: UploadOptions,
): Promise<void> {
  const size = opts.chunk ?? 500;
  const source = limited(body, opts.maxBytes ?? 200 * 1024 * 1024);
  const batches = batch.format === 'csv' ? parseCsvBatches(source, opts.parse) : parseNdjsonBatches(source, opts.parse);
  let pending: IncomingLine[] = [];
  const inFlight: Promise<void>[] = [];
  const parallel = Math.max(1, opts.parallel ?? 1);
  const today = opts.today ?? ((): string => new Date().toISOString().slice(0, 10));
  const heartbeat = setInterval(() => void repo.heartbeat(batch.id).catch(() => undefined), opts.heartbeatMs ?? HEARTBEAT_MS);
  heartbeat.unref();
  const flush = async (lines: IncomingLine[]): Promise<void> => {
    let decisions: Map<string, ConsignmentDecision> | undefined;
    if (opts.clearInline) {
      const accepted = lines.flatMap((l) => ('data' in l ? [{ consignmentId: l.consignmentId, data: l.data as Consignment }] : []));
      const cleared = await pipeline.withAdvance(accepted, await opts.clearInline.clear(accepted, today()));
      decisions = new Map(cleared.map((d) => [d.consignmentId, d]));
    }
    const store = () =>
      repo.recordChunk(
        batch.id,
        batch.ownerId,
        lines,
        (id) => E.duplicate.problem('$.consignmentId', `Consignment ${id} was already received; its first clearance stands`),
        decisions,
        decidedEvent(batch.id, batch.ownerId),
      );
    const r = await store().catch((e: unknown) => (isDeadlock(e) ? store() : Promise.reject(e)));
    if (r.fresh.length > 0) {
      const byId = new Map(lines.flatMap((l) => ('data' in l ? [[l.consignmentId, l.data] as const] : [])));
      const fresh = r.fresh.map((consignmentId) => ({ consignmentId, data: byId.get(consignmentId) }));
      await pipeline.announce(batch.id, batch.ownerId, fresh, lines[0]!.lineNo);
    }
    if (r.decided.length > 0) pipeline.decisionsStored();
  };
  try {
    for await (const records of batches) {
      for (const r of records) pending.push(toLine(r));
      if (pending.length >= size) {
        if (inFlight.length >= parallel) await inFlight.shift();
        const p = flush(pending);
        pending = [];
        // Handled here so that a failure waiting for its turn is not reported as unhandled meanwhile.
        p.catch(() => undefined);
        inFlight.push(p);
      }
    }
    if (pending.length > 0) inFlight.push(flush(pending));
    await Promise.all(inFlight);
  } catch (e) {
    clearInterval(heartbeat);
    await Promise.allSettled(inFlight);
    const error = e instanceof DomainError ? e : E.uploadInterrupted(`The upload broke off: ${(e as Error).message}`);
    await repo.finishUpload(batch.id, error.toJSON());
    throw error;
  }
  clearInterval(heartbeat);
  await repo.finishUpload(batch.id);
}
