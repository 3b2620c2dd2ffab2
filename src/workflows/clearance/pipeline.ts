import type { EventBus, Subscription } from '../../adapters/bus/port.ts';
import type { ConsignmentDecision, ConsignmentsRepo, DecidedEvent, PendingConsignment } from '../../adapters/store/consignments.repo.ts';
import { DomainError } from '../../kernel/index.ts';
import {
  AdvanceIndex,
  packConsignment,
  unpackConsignment,
  type AdvanceConsignment,
  type ClearableConsignment,
  type Consignment,
  type PackedConsignment,
} from '../../modules/consignments/index.ts';
import type { ClearanceEngine } from './clear-consignments.ts';
import { ClearanceErrors } from './errors.ts';

/**
 * Accepted consignments waiting for clearance: {batchId, ownerId, packed: [PackedConsignment…]}, one message per stored
 * upload chunk (split in halves when it passes the bus's payload limit).
 */
export const ACCEPTED_SUBJECT = 'customs.consignments.accepted';
/**
 * Decisions as they are stored: {batchId, ownerId, decisions: [{consignmentId, status, lane}]}, one per cleared message,
 * written to the outbox by the transaction that stores them and relayed from there: a worker dying between the two
 * never loses an announcement.
 */
export const DECIDED_SUBJECT = 'customs.consignments.decided';
export const CLEARANCE_DURABLE = 'consignment-clearance';
/** An upload not marked alive for this long is abandoned (its node marks it every HEARTBEAT_MS, 10 s). */
export const UPLOAD_STALE_MS = 120_000;
/** A failed upload's undecided consignments are re-announced this long after it failed (its queued ones first clear). */
export const FAILED_GRACE_MS = 60_000;
/**
 * A batch with consignments undecided and no progress for this long, while the clearance queue is empty, has lost
 * messages (stored, then the process died before announcing; or a bus that lost acknowledged messages in a crash):
 * nothing queued will ever decide them, so they are announced again.
 */
export const STALLED_IDLE_MS = 60_000;
/**
 * Under steady load the queue may never be empty: a batch without progress for this long is announced again whatever
 * the queue holds. Were its messages only waiting behind ten minutes of work, the store keeps each decision once.
 */
export const STALLED_BUSY_IDLE_MS = 600_000;

export interface AcceptedMessage {
  readonly batchId: string;
  readonly ownerId: string;
  /** The consignments, each as its clearable part (modules/consignments/clearable.ts). */
  readonly packed?: readonly PackedConsignment[];
  /** Whole consignments: the form messages had before `packed`; still cleared, should a stream hold some. */
  readonly consignments?: readonly PendingConsignment[];
  /** Set when re-announced after a crash: some of them may have been decided meanwhile. */
  readonly resumed?: boolean;
}

export interface WorkerOptions {
  /** Messages (of up to a chunk of consignments each) in flight per durable: the backpressure bound. */
  readonly maxInFlight?: number;
  /** A message unacknowledged this long (its worker died) goes to another worker. Default 60 s. */
  readonly ackWaitMs?: number;
  readonly today?: () => string;
  readonly onError?: (error: unknown) => void;
}

/**
 * The clearance pipeline's two ends. The API stores each upload chunk, then announces its new consignments
 * (`announce`); clearance workers — in the API process when embedded, `customs worker` processes on NATS — consume
 * them from one durable, so adding a worker adds throughput. Messages carry the consignments themselves, so a worker
 * reads nothing back from the store: it clears and inserts decisions, and the decisions' primary key makes a
 * redelivered message write nothing twice.
 */
export class ClearancePipeline {
  constructor(
    private readonly bus: EventBus,
    private readonly repo: ConsignmentsRepo,
    /** Called after decisions (and their outbox rows) are stored: wakes the outbox relay. */
    private readonly stored: () => void = () => {},
  ) {}

  /** Resolves once the bus holds the message (JetStream PubAck): an upload waits here when the pipeline is full. */
  async announce(
    batchId: string,
    ownerId: string,
    consignments: readonly PendingConsignment[],
    chunkKey: string | number,
    resumed = false,
  ): Promise<void> {
    try {
      const packed = consignments.map((c) => packConsignment(c.data as Consignment));
      await this.bus.publish(ACCEPTED_SUBJECT, { batchId, ownerId, packed, ...(resumed ? { resumed } : {}) } satisfies AcceptedMessage, {
        msgId: `${batchId}:${chunkKey}`,
      });
    } catch (e) {
      // Consignments near the line-size limit can make a chunk pass the bus's payload limit: halves, each its own id.
      if (!(e instanceof DomainError && e.code === 'BUS.MESSAGE_TOO_LARGE') || consignments.length < 2) throw e;
      const half = Math.ceil(consignments.length / 2);
      await this.announce(batchId, ownerId, consignments.slice(0, half), `${chunkKey}a`, resumed);
      await this.announce(batchId, ownerId, consignments.slice(half), `${chunkKey}b`, resumed);
    }
  }

  /**
   * Clears one message's consignments; returns how many decisions were written (0 on a redelivery). A first delivery
   * of an upload's message holds consignments nobody has cleared (each was announced once, right after its insert),
   * so the store is asked which are decided only for a redelivered or re-announced message: a consignment is never
   * assessed twice, and the common path reads nothing back.
   */
  async clearMessage(engine: ClearanceEngine, m: AcceptedMessage, date: string, redelivered = false): Promise<number> {
    let pending: readonly { consignmentId: string; data: ClearableConsignment }[] = m.packed
      ? m.packed.map((p) => {
          const data = unpackConsignment(p);
          return { consignmentId: data.consignmentId, data };
        })
      : (m.consignments ?? []).map((c) => ({ consignmentId: c.consignmentId, data: c.data as Consignment }));
    if (redelivered || m.resumed === true) {
      const decided = await this.repo.decidedAmong(m.ownerId, pending.map((p) => p.consignmentId));
      pending = pending.filter((p) => !decided.has(p.consignmentId));
    }
    if (pending.length === 0) return 0;
    const decisions = await this.withAdvance(pending, await engine.clear(pending, date));
    const written = await this.repo.storeDecisions(m.batchId, m.ownerId, decisions, decidedEvent(m.batchId, m.ownerId));
    if (written.length > 0) this.stored();
    return written.length;
  }

  /** Wakes the outbox relay after decisions stored elsewhere (the embedded upload stores them with its chunk). */
  decisionsStored(): void {
    this.stored();
  }

  /**
   * Links each consignment to advance air-waybill data received for its master AWB (by house AWB, else master AWB +
   * consignee) and notes the match and any discrepancy with the decision: for the officer, and for the record.
   */
  async withAdvance(pending: readonly { data: ClearableConsignment }[], decisions: ConsignmentDecision[]): Promise<ConsignmentDecision[]> {
    const consignments = pending.map((p) => p.data);
    const masters = [...new Set(consignments.flatMap((c) => (c.transportDocument.masterAwb ? [c.transportDocument.masterAwb] : [])))];
    const advance = await this.repo.advanceFor(masters);
    if (advance.length === 0) return decisions;
    const index = new AdvanceIndex();
    const idOf = new Map<AdvanceConsignment, string>();
    for (const a of advance) {
      const rec = a.data as AdvanceConsignment;
      index.add(rec);
      idOf.set(rec, a.id);
    }
    const pairs: { advanceId: string; consignmentId: string }[] = [];
    const out = decisions.map((d, i) => {
      const m = index.match(consignments[i]!);
      const advanceId = m ? idOf.get(m.advance) : undefined;
      if (!m || advanceId === undefined) return d;
      pairs.push({ advanceId, consignmentId: d.consignmentId });
      const risk = (d.risk ?? {}) as Record<string, unknown>;
      return { ...d, risk: { ...risk, advance: { id: advanceId, by: m.by, discrepancies: m.discrepancies } } };
    });
    await this.repo.markMatched(pairs);
    return out;
  }

  /** `engine` is asked for on the first message: a process that never clears a consignment never trains a model. */
  startWorker(engine: () => Promise<ClearanceEngine>, opts: WorkerOptions = {}): Promise<Subscription> {
    const today = opts.today ?? ((): string => new Date().toISOString().slice(0, 10));
    return this.bus.consume<AcceptedMessage>(
      {
        durable: CLEARANCE_DURABLE,
        subjects: ACCEPTED_SUBJECT,
        maxInFlight: opts.maxInFlight ?? 8,
        // One message per pull: a worker asks for the next only when it starts one, so messages spread over the
        // workers instead of the first one pulling every in-flight slot of the durable.
        batch: 1,
        ackWaitMs: opts.ackWaitMs ?? 60_000,
        maxDeliver: 10,
        retryDelayMs: 500,
        ...(opts.onError ? { onError: (e: unknown) => opts.onError!(e) } : {}),
      },
      async (msg) => {
        await this.clearMessage(await engine(), msg.data, today(), msg.redelivered);
      },
    );
  }

  /**
   * What a clearance worker runs every half minute, so that no stored consignment waits for a restart: uploads whose
   * API node stopped marking them alive (it died mid-upload) are failed with CLEARANCE.UPLOAD_INTERRUPTED; failed
   * uploads are claimed once, a grace period after failing, to re-announce whatever they stored but never announced;
   * and stalled batches are re-announced (`resumeStalled`).
   */
  async sweep(opts: { staleMs?: number; graceMs?: number; idleMs?: number; busyIdleMs?: number } = {}): Promise<{
    abandoned: string[];
    resumed: number;
    stalled: number;
  }> {
    const staleMs = opts.staleMs ?? UPLOAD_STALE_MS;
    const abandoned = await this.repo.abandonStaleUploads(
      staleMs,
      ClearanceErrors.uploadInterrupted(`Nothing was received for ${Math.round(staleMs / 1000)} s: the uploading node stopped; the lines stored before are kept and cleared`).toJSON(),
    );
    const claimed = await this.repo.claimFailedUploads(opts.graceMs ?? FAILED_GRACE_MS);
    const resumed = claimed.length > 0 ? await this.resume(claimed) : 0;
    return { abandoned, resumed, stalled: await this.resumeStalled(opts) };
  }

  /**
   * Re-announces the undecided consignments of stalled batches: no progress for `idleMs` while the clearance queue is
   * empty (so none of their messages is waiting anywhere), or for `busyIdleMs` whatever the queue. Each batch is
   * claimed by one worker per idle period. Returns how many consignments went out again.
   */
  async resumeStalled(opts: { idleMs?: number; busyIdleMs?: number } = {}): Promise<number> {
    const backlog = await this.bus.backlog(CLEARANCE_DURABLE);
    const idleMs = backlog === 0 ? (opts.idleMs ?? STALLED_IDLE_MS) : (opts.busyIdleMs ?? STALLED_BUSY_IDLE_MS);
    const stalled = await this.repo.claimStalledBatches(idleMs);
    return stalled.length > 0 ? this.resume(stalled) : 0;
  }

  /**
   * Re-announces consignments a crash left undecided and unannounced (stored, then the process died before the
   * publish): their ids go out again in chunks; consignments already queued are simply found decided later.
   */
  async resume(batchIds: readonly string[], chunk = 500): Promise<number> {
    let n = 0;
    const run = Date.now();
    for (const batchId of batchIds) {
      for (let after = '', page = 0; ; page++) {
        const { ownerId, pending } = await this.repo.undecided(batchId, after, chunk);
        if (pending.length === 0) break;
        await this.announce(batchId, ownerId, pending, `resume:${run}:${page}`, true);
        n += pending.length;
        after = pending[pending.length - 1]!.consignmentId;
      }
    }
    return n;
  }
}

/** The decided event of the decisions just written (only those: a redelivery announces nothing twice). */
export function decidedEvent(batchId: string, ownerId: string): DecidedEvent {
  return (written: readonly ConsignmentDecision[]) => ({
    subject: DECIDED_SUBJECT,
    msgId: `decided:${batchId}:${ownerId}:${written[0]!.consignmentId}`,
    payload: { batchId, ownerId, decisions: written.map((d) => ({ consignmentId: d.consignmentId, status: d.status, lane: d.lane })) },
  });
}
