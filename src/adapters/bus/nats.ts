import {
  JetStreamApiError,
  jetstream,
  jetstreamManager,
  type JetStreamClient,
  type JetStreamManager,
} from '@nats-io/jetstream';
import { connect, nuid, type NatsConnection } from '@nats-io/transport-node';
import { BusErrors } from './errors.ts';
import { AUTO_ID_PREFIX, startPull } from './nats-consume.ts';
import { ensureConsumer, ensureStream, isNotFound, type StreamSettings } from './nats-setup.ts';
import {
  subjectMatches,
  type ConsumeOptions,
  type EventBus,
  type Handler,
  type PublishOptions,
  type Subscription,
} from './port.ts';
import { assertPublishSubject, encodeData, resolveConsume, tooLarge } from './validate.ts';

export interface NatsBusOptions {
  readonly servers: string | readonly string[];
  /** Stream name. Default `CUSTOMS`. */
  readonly streamName?: string;
  /** Subjects the stream stores. Default `customs.>`. */
  readonly subjects?: readonly string[];
  /** msgId de-duplication window. Default 2 minutes. */
  readonly duplicateWindowMs?: number;
  readonly storage?: 'file' | 'memory';
  readonly replicas?: number;
  /**
   * Stream limits (oldest messages go first). Defaults: no byte limit, 7 days. A byte limit is reserved up front
   * from the server's JetStream storage, so set it deliberately (many 10 GiB streams exhaust a server).
   */
  readonly maxBytes?: number;
  readonly maxAgeMs?: number;
  /** How long a publish keeps retrying (same msgId, so no duplicates) while the server is away. Default 30 s. */
  readonly publishTimeoutMs?: number;
  /** Connection name shown by the server's monitoring. */
  readonly name?: string;
}

const encoder = new TextEncoder();
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
/** A one-shot event (Promise.withResolvers needs Node 22). */
function signal(): { promise: Promise<void>; fire: () => void } {
  let fire = (): void => {};
  const promise = new Promise<void>((r) => (fire = r));
  return { promise, fire };
}

/**
 * The NATS JetStream event bus for scaled mode: one file-backed stream, durable pull consumers with explicit acks.
 * The connection reconnects forever; publishes in progress retry until confirmed, consumers resume pulling.
 */
export class NatsEventBus implements EventBus {
  private closed = false;
  private readonly subs = new Map<Subscription, string>();
  /** Resolves at the next reconnect: a publish sent into a dying connection is re-sent then, not after its timeout. */
  private reconnected = signal();

  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    readonly stream: StreamSettings,
    private readonly publishTimeoutMs: number,
  ) {
    void (async () => {
      for await (const st of nc.status()) {
        if (st.type !== 'reconnect') continue;
        this.reconnected.fire();
        this.reconnected = signal();
      }
    })();
  }

  static async connect(opts: NatsBusOptions): Promise<NatsEventBus> {
    const stream: StreamSettings = {
      name: opts.streamName ?? 'CUSTOMS',
      subjects: opts.subjects ?? ['customs.>'],
      duplicateWindowMs: opts.duplicateWindowMs ?? 120_000,
      storage: opts.storage ?? 'file',
      replicas: opts.replicas ?? 1,
      maxBytes: opts.maxBytes ?? -1,
      maxAgeMs: opts.maxAgeMs ?? 7 * 24 * 3600_000,
    };
    const nc = await connect({
      servers: typeof opts.servers === 'string' ? opts.servers : [...opts.servers],
      name: opts.name ?? 'smart-customs',
      maxReconnectAttempts: -1,
      reconnectTimeWait: 250,
    });
    try {
      const jsm = await jetstreamManager(nc);
      await ensureStream(jsm, stream);
      return new NatsEventBus(nc, jetstream(nc), jsm, stream, opts.publishTimeoutMs ?? 30_000);
    } catch (e) {
      await nc.close();
      throw e;
    }
  }

  /** The connected server's version, e.g. `2.9.10` (several filters per durable need 2.10). */
  get serverVersion(): string {
    return this.nc.info?.version ?? '0.0.0';
  }

  async publish(subject: string, data: unknown, opts: PublishOptions = {}): Promise<void> {
    if (this.closed) throw BusErrors.closed();
    assertPublishSubject(subject);
    if (!this.stream.subjects.some((f) => subjectMatches(f, subject))) {
      throw BusErrors.invalidSubject(`Subject "${subject}" is outside stream ${this.stream.name}`);
    }
    if (opts.msgId?.startsWith(AUTO_ID_PREFIX)) {
      throw BusErrors.invalidOptions(`msgId must not start with "${AUTO_ID_PREFIX}"`);
    }
    // Without a caller's id, one of ours still makes a retry after a lost PubAck harmless.
    const msgID = opts.msgId ?? AUTO_ID_PREFIX + nuid.next();
    const payload = encoder.encode(encodeData(data));
    const max = this.nc.info?.max_payload;
    if (max !== undefined && payload.length > max) throw tooLarge(payload.length, max);
    const deadline = Date.now() + this.publishTimeoutMs;
    for (let attempt = 0; ; attempt++) {
      try {
        if (Date.now() >= deadline) throw new Error('deadline passed across reconnects');
        const timeout = Math.max(500, Math.min(5_000, deadline - Date.now()));
        const sent = this.js.publish(subject, payload, { msgID, timeout, retries: 1 });
        sent.catch(() => undefined);
        // ack.duplicate (the stream already had this msgId inside its window) is also a success for the caller.
        const outcome = await Promise.race([
          sent.then(() => 'stored' as const),
          this.reconnected.promise.then(() => 'resend' as const),
        ]);
        if (outcome === 'stored') return;
      } catch (e) {
        if (this.closed || this.nc.isClosed()) throw BusErrors.closed();
        if (e instanceof JetStreamApiError && e.status !== 503) throw e;
        if (Date.now() >= deadline) {
          throw BusErrors.publishTimeout(
            `No JetStream confirmation for ${subject} within ${this.publishTimeoutMs} ms`,
            {
              cause: String(e),
            },
          );
        }
        await sleep(Math.min(1_000, 50 * 2 ** attempt));
      }
    }
  }

  async consume<T = unknown>(opts: ConsumeOptions, handler: Handler<T>): Promise<Subscription> {
    if (this.closed) throw BusErrors.closed();
    const cfg = resolveConsume(opts);
    await ensureConsumer(this.jsm, this.stream.name, cfg, this.serverVersion);
    const sub = startPull(this.js, this.stream.name, cfg, handler as Handler, opts.onError);
    this.subs.set(sub, cfg.durable);
    return {
      durable: cfg.durable,
      stop: async () => {
        this.subs.delete(sub);
        await sub.stop();
      },
    };
  }

  async deleteConsumer(durable: string): Promise<void> {
    const mine = [...this.subs].filter(([, d]) => d === durable).map(([s]) => s);
    mine.forEach((s) => this.subs.delete(s));
    await Promise.all(mine.map((s) => s.stop()));
    try {
      await this.jsm.consumers.delete(this.stream.name, durable);
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }

  async backlog(durable: string): Promise<number | undefined> {
    try {
      const info = await this.jsm.consumers.info(this.stream.name, durable);
      return info.num_pending + info.num_ack_pending;
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  /** The stream answers within 2 s: the server is up, JetStream is enabled and our stream exists. */
  async health(): Promise<boolean> {
    if (this.closed || this.nc.isClosed()) return false;
    const timeout = sleep(2_000).then(() => false);
    const probe = this.jsm.streams.info(this.stream.name).then(
      () => true,
      () => false,
    );
    return Promise.race([probe, timeout]);
  }

  /** For tests and benchmarks that create their own stream: removes it with everything in it. */
  async deleteStream(): Promise<void> {
    try {
      await this.jsm.streams.delete(this.stream.name);
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const subs = [...this.subs.keys()];
    this.subs.clear();
    await Promise.all(subs.map((s) => s.stop()));
    // drain flushes the acks just sent; a dead server must not hold shutdown, so it is bounded.
    await Promise.race([this.nc.drain().catch(() => undefined), sleep(2_000)]);
    if (!this.nc.isClosed()) await this.nc.close();
  }
}
