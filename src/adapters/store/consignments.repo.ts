import { sql, type SQL } from 'drizzle-orm';
import type { Problem } from '../../kernel/index.ts';
import type { Db } from './connect.ts';

/**
 * Storage of low-value consignment batches. Every hot write is one multi-row statement whose columns each come as one
 * text parameter split by the server (`string_to_array` + `unnest`, see `words` and `docs`): one round trip and one
 * plan per chunk of hundreds of rows, on PGlite and PostgreSQL alike.
 * Every write is an insert: a consignment row once, its decision once (primary key (owner, consignment id) on both:
 * the idempotency keys of the whole pipeline — a re-sent consignment is refused at insert, a redelivered message
 * writes no second decision), and the batch's counters as progress rows summed on read, so that API nodes and
 * workers never queue on one hot row's lock.
 */

export type BatchStatus = 'uploading' | 'processing' | 'completed' | 'failed';
export type ConsignmentStatus = 'accepted' | 'released' | 'held' | 'full-declaration-required' | 'failed';

export interface BatchRow {
  readonly id: string;
  readonly ownerId: string;
  readonly format: string;
  readonly status: BatchStatus;
  readonly acceptedLines: number;
  readonly rejectedLines: number;
  readonly decided: number;
  readonly error: unknown;
  readonly createdAt: string;
  readonly completedAt: string | null;
}

/** One parsed record of an upload: accepted with its consignment, or rejected with its problems. */
export type IncomingLine =
  | { readonly lineNo: number; readonly consignmentId: string; readonly data: unknown; readonly json?: string }
  | { readonly lineNo: number; readonly consignmentId?: string; readonly problems: readonly Problem[] };

export interface StoredLine {
  readonly lineNo: number;
  readonly consignmentId: string | null;
  readonly accepted: boolean;
  readonly problems: readonly Problem[] | null;
  /** The consignment's clearance, once decided (accepted lines only). */
  readonly status: ConsignmentStatus | null;
  readonly lane: string | null;
  readonly assessment: unknown;
  readonly risk: unknown;
}

export interface ConsignmentDecision {
  readonly consignmentId: string;
  readonly status: Exclude<ConsignmentStatus, 'accepted'>;
  readonly lane: string | null;
  readonly assessment: unknown;
  readonly risk: unknown;
}

/** The event announcing decisions just written, stored in the outbox by the same transaction (relayed later). */
export type DecidedEvent = (written: readonly ConsignmentDecision[]) => {
  subject: string;
  msgId: string;
  payload: unknown;
};

export interface AdvanceCargoRow {
  readonly id: string;
  readonly kind: string;
  readonly masterAwb: string;
  readonly houseAwb: string | null;
  readonly data: unknown;
  readonly matchedConsignmentId: string | null;
}

/** A stored consignment that waits for its decision. */
export interface PendingConsignment {
  readonly consignmentId: string;
  readonly data: unknown;
}

const rowsOf = <T>(r: unknown): T[] => (r as { rows: T[] }).rows;
const json = (v: unknown): SQL => sql`${JSON.stringify(v)}::jsonb`;
/**
 * The hot inserts pass each column as one text parameter, its values joined by U+001E and split by the server
 * (`string_to_array`), then cast to the column's type. The server parses each document once, as its column's input;
 * a json_to_recordset array was parsed whole and then each document again (bench: ~28 → ~20 µs of server CPU per
 * consignment row), and the client does one join instead of building a statement of thousands of parameters.
 * JSON.stringify escapes every control character, so a document never holds the separator; ids, statuses and lanes are
 * validated words, which `words` checks anyway: a value holding it would shift the columns.
 */
const SEP = '\x1e';
/** The element that stands for NULL (as in COPY's text format): no document, id or lane is this. */
const NULL_ELEMENT = '\\N';
const unpack = (packed: string, type: string): SQL =>
  sql`string_to_array(${packed}, chr(30), ${NULL_ELEMENT})::${sql.raw(type)}[]`;
/** A json[] column of `items`: each one's document, or null. */
const docs = <T>(items: readonly T[], doc: (item: T) => string | null): SQL =>
  unpack(items.map((x) => doc(x) ?? NULL_ELEMENT).join(SEP), 'json');
/** A column of `type` of `items`: each one's key, number or flag, or null. */
function words<T>(items: readonly T[], type: string, word: (item: T) => string | number | boolean | null): SQL {
  const text = items.map((x) => {
    const v = word(x);
    if (v === null) return NULL_ELEMENT;
    const t = String(v);
    if (t.includes(SEP) || t === NULL_ELEMENT)
      throw new Error(`a stored key holds a control character: ${JSON.stringify(t)}`);
    return t;
  });
  return unpack(text.join(SEP), type);
}

/** A text[] parameter (as an array literal, quoted element by element): `= any(…)` lets the planner probe the key. */
const textArray = (values: readonly string[]): SQL =>
  sql`${`{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`}::text[]`;

interface BatchDbRow {
  id: string;
  owner_id: string;
  format: string;
  status: BatchStatus;
  accepted_lines: number | string;
  rejected_lines: number | string;
  decided: number | string;
  error: unknown;
  created_at: Date | string;
  completed_at: Date | string | null;
  last_progress_at: Date | string | null;
}

const iso = (d: Date | string): string => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());
const toBatch = (r: BatchDbRow): BatchRow => ({
  id: r.id,
  ownerId: r.owner_id,
  format: r.format,
  status: r.status,
  acceptedLines: Number(r.accepted_lines),
  rejectedLines: Number(r.rejected_lines),
  decided: Number(r.decided),
  error: r.error ?? null,
  createdAt: iso(r.created_at),
  completedAt: r.completed_at === null ? null : iso(r.completed_at),
});

export class ConsignmentsRepo {
  constructor(private readonly db: Db) {}

  async createBatch(b: { id: string; ownerId: string; format: string }): Promise<BatchRow> {
    await this.db.execute(sql`
      insert into consignment_batches (id, owner_id, format, status) values (${b.id}, ${b.ownerId}, ${b.format}, 'uploading')`);
    return (await this.getBatch(b.id))!;
  }

  /**
   * The batch with its counters summed from the progress rows. A batch whose upload has ended and whose accepted
   * consignments are all decided is completed — recorded here, on the first read that sees it, with the time of the
   * last decision (workers cannot tell which of them stored the last one without reading each other's rows).
   */
  async getBatch(id: string): Promise<BatchRow | undefined> {
    const r = await this.db.execute(sql`
      select b.*, coalesce(sum(p.accepted), 0) as accepted_lines, coalesce(sum(p.rejected), 0) as rejected_lines,
        coalesce(sum(p.decided), 0) as decided, max(p.at) as last_progress_at
      from consignment_batches b left join consignment_batch_progress p on p.batch_id = b.id
      where b.id = ${id} group by b.id`);
    const row = rowsOf<BatchDbRow>(r)[0];
    if (!row) return undefined;
    if (row.status === 'processing' && Number(row.decided) >= Number(row.accepted_lines)) {
      const done = await this.db.execute(sql`
        update consignment_batches set status = 'completed', completed_at = coalesce(${row.last_progress_at}::timestamptz, now())
        where id = ${id} and status = 'processing' returning status, completed_at`);
      const d = rowsOf<{ status: BatchStatus; completed_at: Date | string }>(done)[0];
      return toBatch({
        ...row,
        status: 'completed',
        completed_at: d?.completed_at ?? row.last_progress_at ?? new Date(),
      });
    }
    return toBatch(row);
  }

  private async addProgress(
    db: Db,
    batchId: string,
    p: { accepted?: number; rejected?: number; decided?: number },
  ): Promise<void> {
    if (!p.accepted && !p.rejected && !p.decided) return;
    await db.execute(sql`
      insert into consignment_batch_progress (batch_id, accepted, rejected, decided)
      values (${batchId}, ${p.accepted ?? 0}, ${p.rejected ?? 0}, ${p.decided ?? 0})`);
  }

  /**
   * Stores one chunk of an upload in one transaction: new consignments (each with its line number: an accepted line is
   * its consignment row), the rejected lines with their problems, the batch's progress. A re-sent id becomes a
   * rejected line (`duplicate` words it; the first consignment stands). The chunk is idempotent too: lines already
   * stored (same batch and line number) are not counted again.
   * `decisions` (embedded mode, cleared before storing) are written with the consignments — no second round.
   * Returns the new consignments left to clear, and the decisions written.
   */
  async recordChunk(
    batchId: string,
    ownerId: string,
    lines: readonly IncomingLine[],
    duplicate: (consignmentId: string) => Problem,
    decisions?: ReadonlyMap<string, ConsignmentDecision>,
    event?: DecidedEvent,
  ): Promise<{ fresh: string[]; decided: ConsignmentDecision[] }> {
    return this.db.transaction(async (tx) => {
      const firstLine = new Map<string, number>();
      const candidates: { id: string; data: unknown; line: number; json?: string }[] = [];
      for (const l of lines) {
        if ('data' in l && !firstLine.has(l.consignmentId)) {
          firstLine.set(l.consignmentId, l.lineNo);
          candidates.push({
            id: l.consignmentId,
            data: l.data,
            line: l.lineNo,
            ...(l.json !== undefined ? { json: l.json } : {}),
          });
        }
      }
      const fresh: string[] = [];
      const decided: ConsignmentDecision[] = [];
      /** Ids whose line is stored as accepted, by this chunk or by an earlier store of the same lines. */
      const stored = new Set<string>();
      let accepted = 0;
      if (candidates.length > 0) {
        const ids = words(candidates, 'text', (c) => c.id);
        const lineNos = words(candidates, 'int', (c) => c.line);
        const data = docs(candidates, (c) => c.json ?? JSON.stringify(c.data));
        const r = await tx.execute(sql`
          insert into consignments (owner_id, consignment_id, batch_id, line_no, data)
          select ${ownerId}, x.id, ${batchId}, x.n, x.d from unnest(${ids}, ${lineNos}, ${data}) as x(id, n, d)
          on conflict do nothing
          returning consignment_id`);
        for (const row of rowsOf<{ consignment_id: string }>(r)) {
          stored.add(row.consignment_id);
          const d = decisions?.get(row.consignment_id);
          if (d) decided.push(d);
          else fresh.push(row.consignment_id);
        }
        accepted = stored.size;
        if (accepted < candidates.length) {
          // Refused ids: a line of this batch stored before (the same chunk again) or a consignment sent earlier.
          const refused = candidates.filter((c) => !stored.has(c.id));
          const again = await tx.execute(sql`
            select consignment_id, line_no from consignments
            where owner_id = ${ownerId} and batch_id = ${batchId} and consignment_id = any(${textArray(refused.map((c) => c.id))})`);
          const lineOf = new Map(refused.map((c) => [c.id, c.line]));
          for (const row of rowsOf<{ consignment_id: string; line_no: number }>(again))
            if (lineOf.get(row.consignment_id) === Number(row.line_no)) stored.add(row.consignment_id);
        }
        if (decided.length > 0) await announce(tx, event, await insertDecisions(tx, batchId, ownerId, decided));
      }
      await this.countLines(tx, batchId, lines, stored, firstLine, accepted, decided.length, duplicate);
      return { fresh, decided };
    });
  }

  /** Writes the chunk's rejected lines (each once) and its progress row: accepted = consignments inserted now. */
  private async countLines(
    tx: Db,
    batchId: string,
    lines: readonly IncomingLine[],
    stored: ReadonlySet<string>,
    firstLine: ReadonlyMap<string, number>,
    accepted: number,
    decided: number,
    duplicate: (consignmentId: string) => Problem,
  ): Promise<void> {
    const rows: { n: number; id: string | null; p: readonly Problem[] }[] = [];
    for (const l of lines) {
      if (!('data' in l)) rows.push({ n: l.lineNo, id: l.consignmentId ?? null, p: l.problems });
      else if (!(stored.has(l.consignmentId) && firstLine.get(l.consignmentId) === l.lineNo))
        rows.push({ n: l.lineNo, id: l.consignmentId, p: [duplicate(l.consignmentId)] });
    }
    let rejected = 0;
    if (rows.length > 0) {
      const lineNos = words(rows, 'int', (x) => x.n);
      const ids = words(rows, 'text', (x) => x.id);
      const problems = docs(rows, (x) => JSON.stringify(x.p));
      const counted = await tx.execute(sql`
        insert into consignment_batch_lines (batch_id, line_no, consignment_id, accepted, problems)
        select ${batchId}, x.n, x.id, false, x.p::jsonb from unnest(${lineNos}, ${ids}, ${problems}) as x(n, id, p)
        on conflict do nothing
        returning line_no`);
      rejected = rowsOf(counted).length;
    }
    await this.addProgress(tx, batchId, { accepted, rejected, decided });
  }

  /** The uploading node is still receiving this batch (a batch left `uploading` without it was abandoned). */
  async heartbeat(batchId: string): Promise<void> {
    await this.db.execute(
      sql`update consignment_batches set heartbeat_at = now() where id = ${batchId} and status = 'uploading'`,
    );
  }

  /** Uploads whose node stopped renewing them `staleMs` ago (it died): failed with `error`. Returns their ids. */
  async abandonStaleUploads(staleMs: number, error: unknown): Promise<string[]> {
    const r = await this.db.execute(sql`
      update consignment_batches set status = 'failed', error = ${json(error)}, completed_at = now()
      where status = 'uploading' and heartbeat_at < now() - make_interval(secs => ${staleMs / 1000})
      returning id`);
    return rowsOf<{ id: string }>(r).map((x) => x.id);
  }

  /**
   * Claims failed uploads, once each and `graceMs` after they failed, for re-announcing their undecided consignments
   * (an upload that broke off may have stored a chunk it never announced). One claimant per batch, whatever the
   * number of workers sweeping.
   */
  async claimFailedUploads(graceMs: number): Promise<string[]> {
    const r = await this.db.execute(sql`
      update consignment_batches set swept_at = now()
      where status = 'failed' and swept_at is null and completed_at < now() - make_interval(secs => ${graceMs / 1000})
      returning id`);
    return rowsOf<{ id: string }>(r).map((x) => x.id);
  }

  /** The upload has ended: the batch waits for its decisions (or is complete already), or failed with `error`. */
  async finishUpload(batchId: string, error?: unknown): Promise<BatchRow | undefined> {
    if (error === undefined) {
      await this.db.execute(
        sql`update consignment_batches set status = 'processing' where id = ${batchId} and status = 'uploading'`,
      );
    } else {
      await this.db.execute(sql`
        update consignment_batches set status = 'failed', error = ${json(error)}, completed_at = now() where id = ${batchId}`);
    }
    return this.getBatch(batchId);
  }

  /** Which of these consignments have a decision already (asked only for a redelivered or re-announced message). */
  async decidedAmong(ownerId: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const r = await this.db.execute(sql`
      select consignment_id from consignment_decisions where owner_id = ${ownerId} and consignment_id = any(${textArray(ids)})`);
    return new Set(rowsOf<{ consignment_id: string }>(r).map((x) => x.consignment_id));
  }

  /**
   * Writes the decisions not written before and counts them on their batch, in one transaction. Returns the decisions
   * actually written: a redelivered message finds its consignments decided and writes none.
   */
  async storeDecisions(
    batchId: string,
    ownerId: string,
    decisions: readonly ConsignmentDecision[],
    event?: DecidedEvent,
  ): Promise<ConsignmentDecision[]> {
    if (decisions.length === 0) return [];
    return this.db.transaction(async (tx) => {
      const written = await insertDecisions(tx, batchId, ownerId, decisions);
      await announce(tx, event, written);
      await this.addProgress(tx, batchId, { decided: written.length });
      return written;
    });
  }

  /**
   * Batches newest first, with their counters (an owner's only when `ownerId` is given); keyset pages after the
   * (createdAt, id) of the last one shown.
   */
  async listBatches(f: { ownerId?: string; before?: { createdAt: string; id: string }; limit: number }): Promise<BatchRow[]> {
    const owner = f.ownerId === undefined ? sql`true` : sql`b.owner_id = ${f.ownerId}`;
    const before = f.before === undefined ? sql`true` : sql`(b.created_at, b.id) < (${new Date(f.before.createdAt)}, ${f.before.id})`;
    const r = await this.db.execute(sql`
      select b.*, coalesce(sum(p.accepted), 0) as accepted_lines, coalesce(sum(p.rejected), 0) as rejected_lines,
        coalesce(sum(p.decided), 0) as decided, max(p.at) as last_progress_at
      from consignment_batches b left join consignment_batch_progress p on p.batch_id = b.id
      where ${owner} and ${before}
      group by b.id order by b.created_at desc, b.id desc limit ${f.limit}`);
    return rowsOf<BatchDbRow>(r).map((row) =>
      // The same completion getBatch records; shown here without writing (the next read of the batch records it).
      row.status === 'processing' && Number(row.decided) >= Number(row.accepted_lines) ? toBatch({ ...row, status: 'completed' }) : toBatch(row),
    );
  }

  /** Per-line results from line `from` on, with each accepted consignment's clearance once decided. */
  async lines(batchId: string, from: number, limit: number): Promise<StoredLine[]> {
    // Accepted lines are consignment rows, rejected ones batch-line rows: each side's first `limit` from `from`, merged.
    const r = await this.db.execute(sql`
      select * from (
        (select c.line_no, c.consignment_id, true as accepted, null::jsonb as problems, d.status, d.lane, d.assessment, d.risk
         from consignments c
         left join consignment_decisions d on d.owner_id = c.owner_id and d.consignment_id = c.consignment_id
         where c.batch_id = ${batchId} and c.line_no >= ${from}
         order by c.line_no limit ${limit})
        union all
        (select l.line_no, l.consignment_id, l.accepted, l.problems, null, null, null::json, null::json
         from consignment_batch_lines l
         where l.batch_id = ${batchId} and l.line_no >= ${from}
         order by l.line_no limit ${limit})
      ) x order by line_no limit ${limit}`);
    return rowsOf<{
      line_no: number;
      consignment_id: string | null;
      accepted: boolean;
      problems: Problem[] | null;
      status: ConsignmentStatus | null;
      lane: string | null;
      assessment: unknown;
      risk: unknown;
    }>(r).map((x) => ({
      lineNo: x.line_no,
      consignmentId: x.consignment_id,
      accepted: x.accepted,
      problems: x.problems,
      status: x.accepted ? (x.status ?? 'accepted') : null,
      lane: x.lane ?? null,
      assessment: x.assessment ?? null,
      risk: x.risk ?? null,
    }));
  }

  /**
   * A batch's consignments still without a decision, in consignment-id order after `after` (keyset pages: a
   * 100,000-consignment batch is never loaded whole).
   */
  async undecided(
    batchId: string,
    after: string,
    limit: number,
  ): Promise<{ ownerId: string; pending: PendingConsignment[] }> {
    const r = await this.db.execute(sql`
      select c.owner_id, c.consignment_id, c.data from consignments c
      where c.batch_id = ${batchId} and c.consignment_id > ${after}
        and not exists (select 1 from consignment_decisions d where d.owner_id = c.owner_id and d.consignment_id = c.consignment_id)
      order by c.consignment_id limit ${limit}`);
    const rows = rowsOf<{ owner_id: string; consignment_id: string; data: unknown }>(r);
    return {
      ownerId: rows[0]?.owner_id ?? '',
      pending: rows.map((x) => ({ consignmentId: x.consignment_id, data: x.data })),
    };
  }

  /**
   * Claims the batches that have stalled: consignments still undecided — uploading, waiting, or failed mid-upload
   * (their stored lines are cleared all the same) — and no progress (a chunk stored or a message decided) for
   * `idleMs`, nor a claim of this kind in that time. What the caller re-announces: one claimant per batch and idle
   * period, whatever the number of workers sweeping; a batch still stalled an idle period later is claimed again.
   */
  async claimStalledBatches(idleMs: number): Promise<string[]> {
    const idle = sql`now() - make_interval(secs => ${idleMs / 1000})`;
    const r = await this.db.execute(sql`
      update consignment_batches b set resumed_at = now()
      where b.status <> 'completed'
        and (b.resumed_at is null or b.resumed_at <= ${idle})
        and (select coalesce(sum(p.accepted - p.decided), 0) from consignment_batch_progress p where p.batch_id = b.id) > 0
        and coalesce((select max(p.at) from consignment_batch_progress p where p.batch_id = b.id), b.created_at) <= ${idle}
      returning b.id`);
    return rowsOf<{ id: string }>(r).map((x) => x.id);
  }

  async addAdvance(rows: readonly Omit<AdvanceCargoRow, 'matchedConsignmentId'>[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.execute(sql`
      insert into advance_cargo (id, kind, master_awb, house_awb, data)
      select x.id, x.kind, x."masterAwb", x."houseAwb", x.data
      from jsonb_to_recordset(${json(rows)}) as x(id text, kind text, "masterAwb" text, "houseAwb" text, data jsonb)
      on conflict do nothing`);
  }

  /** Unmatched advance records under these master air waybills (the candidates for a manifest's consignments). */
  async advanceFor(masterAwbs: readonly string[]): Promise<AdvanceCargoRow[]> {
    if (masterAwbs.length === 0) return [];
    const r = await this.db.execute(sql`
      select id, kind, master_awb, house_awb, data, matched_consignment_id from advance_cargo
      where matched_consignment_id is null and master_awb in (select jsonb_array_elements_text(${json(masterAwbs)}))`);
    return rowsOf<{
      id: string;
      kind: string;
      master_awb: string;
      house_awb: string | null;
      data: unknown;
      matched_consignment_id: string | null;
    }>(r).map((x) => ({
      id: x.id,
      kind: x.kind,
      masterAwb: x.master_awb,
      houseAwb: x.house_awb,
      data: x.data,
      matchedConsignmentId: x.matched_consignment_id,
    }));
  }

  async getAdvance(id: string): Promise<AdvanceCargoRow | undefined> {
    const r = await this.db.execute(
      sql`select id, kind, master_awb, house_awb, data, matched_consignment_id from advance_cargo where id = ${id}`,
    );
    const x = rowsOf<{
      id: string;
      kind: string;
      master_awb: string;
      house_awb: string | null;
      data: unknown;
      matched_consignment_id: string | null;
    }>(r)[0];
    return x
      ? {
          id: x.id,
          kind: x.kind,
          masterAwb: x.master_awb,
          houseAwb: x.house_awb,
          data: x.data,
          matchedConsignmentId: x.matched_consignment_id,
        }
      : undefined;
  }

  async markMatched(pairs: readonly { advanceId: string; consignmentId: string }[]): Promise<void> {
    if (pairs.length === 0) return;
    await this.db.execute(sql`
      update advance_cargo a set matched_consignment_id = x."consignmentId"
      from jsonb_to_recordset(${json(pairs)}) as x("advanceId" text, "consignmentId" text)
      where a.id = x."advanceId" and a.matched_consignment_id is null`);
  }
}

/** The decided event of `written` into the outbox (none when nothing was written: a redelivery announces nothing). */
async function announce(
  db: Db,
  event: DecidedEvent | undefined,
  written: readonly ConsignmentDecision[],
): Promise<void> {
  if (!event || written.length === 0) return;
  const e = event(written);
  await db.execute(
    sql`insert into outbox (subject, msg_id, payload) values (${e.subject}, ${e.msgId}, ${json(e.payload)})`,
  );
}

/** Inserts the decisions not stored yet; returns those written (a decision already stored stands). */
async function insertDecisions(
  db: Db,
  batchId: string,
  ownerId: string,
  decisions: readonly ConsignmentDecision[],
): Promise<ConsignmentDecision[]> {
  const ids = words(decisions, 'text', (d) => d.consignmentId);
  const statuses = words(decisions, 'text', (d) => d.status);
  const lanes = words(decisions, 'text', (d) => d.lane);
  const assessments = docs(decisions, (d) => (d.assessment == null ? null : JSON.stringify(d.assessment)));
  const risks = docs(decisions, (d) => (d.risk == null ? null : JSON.stringify(d.risk)));
  const r = await db.execute(sql`
    insert into consignment_decisions (owner_id, consignment_id, batch_id, status, lane, assessment, risk)
    select ${ownerId}, x.id, ${batchId}, x.status, x.lane, x.a, x.r
    from unnest(${ids}, ${statuses}, ${lanes}, ${assessments}, ${risks}) as x(id, status, lane, a, r)
    on conflict do nothing
    returning consignment_id`);
  const written = new Set(rowsOf<{ consignment_id: string }>(r).map((x) => x.consignment_id));
  return decisions.filter((d) => written.has(d.consignmentId));
}
