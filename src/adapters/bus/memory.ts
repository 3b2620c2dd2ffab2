import { BusErrors } from './errors.ts';
import { Group, Member, type Entry } from './memory-group.ts';
import type { ConsumeOptions, EventBus, Handler, PublishOptions, Subscription } from './port.ts';
import { assertPublishSubject, DEFAULT_MAX_PAYLOAD, encodeData, resolveConsume, tooLarge } from './validate.ts';

export interface MemoryBusOptions {
  /**
   * Most messages a durable may hold (waiting + unacknowledged) before publish waits. This bounds memory: a slow
   * consumer slows its publishers instead of growing a queue. Default 10,000.
   */
  readonly maxBacklog?: number;
  /** Messages kept for durables created later (JetStream's stream history, as max_msgs). Default maxBacklog. */
  readonly retain?: number;
  /** msgId de-duplication window. Default 2 minutes, as JetStream's default duplicate_window. */
  readonly duplicateWindowMs?: number;
  /** Largest message in bytes of JSON, as NATS's max_payload. Default 1 MiB. */
  readonly maxPayloadBytes?: number;
  /** Milliseconds clock, injectable so the window can be tested without waiting. */
  readonly now?: () => number;
}

/**
 * The in-process event bus for embedded mode: a bounded in-memory stream with durable groups. Nothing survives the
 * process — the store is the durable record; the bus carries work between stages.
 */
export class MemoryEventBus implements EventBus {
  private readonly maxBacklog: number;
  private readonly retain: number;
  private readonly windowMs: number;
  private readonly now: () => number;
  private readonly maxPayload: number;
  private readonly groups = new Map<string, Group>();
  private readonly subs = new Map<Member, Group>();
  private history: Entry[] = [];
  private readonly seen = new Map<string, number>();
  private seq = 0;
  private closed = false;
  /** Publishes are admitted one at a time, in call order, so a blocked publish keeps later ones behind it. */
  private admission: Promise<unknown> = Promise.resolve();
  private spaceWaiter: { resolve: () => void; reject: (e: Error) => void } | undefined;

  constructor(opts: MemoryBusOptions = {}) {
    this.maxBacklog = opts.maxBacklog ?? 10_000;
    this.retain = opts.retain ?? this.maxBacklog;
    this.windowMs = opts.duplicateWindowMs ?? 120_000;
    this.now = opts.now ?? Date.now;
    this.maxPayload = opts.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD;
    if (!(this.maxBacklog >= 1 && this.retain >= 0)) throw BusErrors.invalidOptions('maxBacklog must be >= 1');
  }

  publish(subject: string, data: unknown, opts: PublishOptions = {}): Promise<void> {
    let json: string;
    try {
      if (this.closed) throw BusErrors.closed();
      assertPublishSubject(subject);
      json = encodeData(data);
      // length is a lower bound of the UTF-8 size: only near the limit is the exact count worth taking.
      if (json.length * 3 > this.maxPayload) {
        const bytes = Buffer.byteLength(json);
        if (bytes > this.maxPayload) throw tooLarge(bytes, this.maxPayload);
      }
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    const result = this.admission.then(() => this.admit(subject, json, opts.msgId));
    this.admission = result.catch(() => undefined);
    return result.then(() => undefined);
  }

  /** Resolves with false when msgId was a duplicate inside the window (nothing stored). */
  private async admit(subject: string, json: string, msgId: string | undefined): Promise<boolean> {
    if (this.closed) throw BusErrors.closed();
    const now = this.now();
    this.expireSeen(now);
    if (msgId !== undefined) {
      if (this.seen.has(msgId)) return false;
    }
    let targets = this.targets(subject);
    while (targets.some((g) => g.backlog >= this.maxBacklog)) {
      await new Promise<void>((resolve, reject) => (this.spaceWaiter = { resolve, reject }));
      if (this.closed) throw BusErrors.closed();
      targets = this.targets(subject);
    }
    const entry: Entry = { seq: ++this.seq, subject, json, msgId };
    if (msgId !== undefined) this.seen.set(msgId, this.now());
    this.history.push(entry);
    if (this.history.length > 2 * this.retain) this.history = this.history.slice(-this.retain);
    for (const g of targets) g.enqueue(entry);
    return true;
  }

  private targets(subject: string): Group[] {
    return [...this.groups.values()].filter((g) => g.matches(subject));
  }

  /** Map iteration follows insertion order, which is time order here, so expiry stops at the first live id. */
  private expireSeen(now: number): void {
    for (const [id, at] of this.seen) {
      if (now - at < this.windowMs) break;
      this.seen.delete(id);
    }
  }

  private readonly wake = (): void => {
    const w = this.spaceWaiter;
    this.spaceWaiter = undefined;
    w?.resolve();
  };

  async consume<T = unknown>(opts: ConsumeOptions, handler: Handler<T>): Promise<Subscription> {
    if (this.closed) throw BusErrors.closed();
    const cfg = resolveConsume(opts);
    let group = this.groups.get(cfg.durable);
    if (group) {
      group.cfg = cfg;
    } else {
      group = new Group(cfg, this.wake);
      this.groups.set(cfg.durable, group);
      // A new durable starts at the oldest retained message, like a JetStream durable with DeliverPolicy.All.
      for (const e of this.history.slice(-this.retain)) if (group.matches(e.subject)) group.enqueue(e);
    }
    const member = new Member(handler as Handler, opts.onError);
    const g = group;
    this.subs.set(member, g);
    g.join(member);
    return {
      durable: cfg.durable,
      stop: async () => {
        this.subs.delete(member);
        await g.leave(member);
      },
    };
  }

  async deleteConsumer(durable: string): Promise<void> {
    const g = this.groups.get(durable);
    if (!g) return;
    this.groups.delete(durable);
    for (const [m, mg] of this.subs) if (mg === g) this.subs.delete(m);
    await g.stopAll();
    this.wake();
  }

  async backlog(durable: string): Promise<number | undefined> {
    return this.groups.get(durable)?.backlog;
  }

  async health(): Promise<boolean> {
    return !this.closed;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.spaceWaiter?.reject(BusErrors.closed());
    this.spaceWaiter = undefined;
    await Promise.all([...this.groups.values()].map((g) => g.stopAll()));
    this.groups.clear();
    this.subs.clear();
    this.history = [];
  }
}
