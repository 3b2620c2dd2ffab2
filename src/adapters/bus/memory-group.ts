import { subjectMatches, type BusMessage, type ConsumeOptions, type Handler } from './port.ts';
import type { ResolvedConsume } from './validate.ts';

/** A stored message of the in-process stream. The JSON text is kept so every delivery gets its own copy. */
export interface Entry {
  readonly seq: number;
  readonly subject: string;
  readonly json: string;
  readonly msgId: string | undefined;
}

interface Pending {
  readonly entry: Entry;
  deliveries: number;
}

interface InFlight {
  readonly pending: Pending;
  timer: NodeJS.Timeout;
}

/** One subscription of a durable: the handler and the deliveries it is running. */
export class Member {
  stopped = false;
  readonly running = new Set<Promise<void>>();
  constructor(
    readonly handler: Handler,
    readonly onError: ConsumeOptions['onError'],
  ) {}
}

/**
 * A durable consumer group of the in-process bus, with JetStream's semantics: every matching message once per group,
 * members compete, at most maxInFlight unacknowledged, redelivery on throw or ack-wait expiry up to maxDeliver.
 */
export class Group {
  private readonly queue: Pending[] = [];
  private readonly inFlight = new Map<number, InFlight>();
  private delayed = 0;
  private readonly members: Member[] = [];
  private next = 0;
  private token = 0;

  constructor(
    public cfg: ResolvedConsume,
    /** Called whenever the backlog shrinks, so blocked publishers can go on. */
    private readonly onDrain: () => void,
  ) {}

  matches(subject: string): boolean {
    return this.cfg.filters.some((f) => subjectMatches(f, subject));
  }

  /** Messages the group holds: waiting, delivered and unacknowledged, or waiting for a retry delay. */
  get backlog(): number {
    return this.queue.length + this.inFlight.size + this.delayed;
  }

  enqueue(entry: Entry): void {
    this.queue.push({ entry, deliveries: 0 });
    this.pump();
  }

  join(member: Member): void {
    this.members.push(member);
    this.pump();
  }

  async leave(member: Member): Promise<void> {
    member.stopped = true;
    const i = this.members.indexOf(member);
    if (i >= 0) this.members.splice(i, 1);
    await Promise.allSettled([...member.running]);
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.members].map((m) => this.leave(m)));
    for (const f of this.inFlight.values()) clearTimeout(f.timer);
    this.inFlight.clear();
  }

  private pump(): void {
    while (this.queue.length > 0 && this.inFlight.size < this.cfg.maxInFlight && this.members.length > 0) {
      this.next = (this.next + 1) % this.members.length;
      const member = this.members[this.next]!;
      this.deliver(member, this.queue.shift()!);
    }
  }

  private deliver(member: Member, pending: Pending): void {
    pending.deliveries++;
    const token = ++this.token;
    const flight: InFlight = { pending, timer: this.ackTimer(token) };
    this.inFlight.set(token, flight);
    const { entry } = pending;
    const msg: BusMessage = {
      subject: entry.subject,
      data: JSON.parse(entry.json) as unknown,
      ...(entry.msgId !== undefined ? { msgId: entry.msgId } : {}),
      seq: entry.seq,
      deliveryCount: pending.deliveries,
      redelivered: pending.deliveries > 1,
      working: () => {
        const f = this.inFlight.get(token);
        if (f) {
          clearTimeout(f.timer);
          f.timer = this.ackTimer(token);
        }
      },
    };
    const run = (async () => {
      try {
        await member.handler(msg);
        this.settle(token, undefined, msg, member);
      } catch (error) {
        this.settle(token, { error }, msg, member);
      }
    })();
    member.running.add(run);
    void run.finally(() => member.running.delete(run));
  }

  /** An expired delivery goes back to the queue; the late handler's outcome is then ignored (JetStream does the same). */
  private ackTimer(token: number): NodeJS.Timeout {
    const t = setTimeout(() => {
      const f = this.inFlight.get(token);
      if (!f) return;
      this.inFlight.delete(token);
      this.retry(f.pending, 0);
    }, this.cfg.ackWaitMs);
    t.unref();
    return t;
  }

  private settle(token: number, failure: { error: unknown } | undefined, msg: BusMessage, member: Member): void {
    const f = this.inFlight.get(token);
    if (!f) return;
    clearTimeout(f.timer);
    this.inFlight.delete(token);
    if (failure) {
      const willRetry = f.pending.deliveries < this.cfg.maxDeliver;
      member.onError?.(failure.error, msg, willRetry);
      if (willRetry) return this.retry(f.pending, this.cfg.retryDelayMs);
    }
    this.onDrain();
    this.pump();
  }

  private retry(pending: Pending, delayMs: number): void {
    if (pending.deliveries >= this.cfg.maxDeliver) {
      this.onDrain();
      return this.pump();
    }
    if (delayMs <= 0) {
      this.queue.unshift(pending);
      return this.pump();
    }
    this.delayed++;
    setTimeout(() => {
      this.delayed--;
      this.queue.unshift(pending);
      this.pump();
    }, delayMs).unref();
  }
}
