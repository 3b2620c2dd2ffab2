/**
 * The event bus port. Two adapters implement it with the same observable semantics (pinned by contract.ts):
 * an in-process bus for embedded mode and NATS JetStream for scaled mode.
 *
 * Delivery is at-least-once: a message is acknowledged only after its handler resolves, so a crash or a thrown error
 * leads to redelivery. Handlers must therefore be idempotent (the store's unique keys make them so); msgId
 * de-duplication only removes re-publishes inside the de-duplication window.
 */

/** Subjects are dot-separated tokens, e.g. `customs.declarations.submitted`; filters may use `*` and `>`. */
export type Subject = string;

/**
 * A message its publisher has already serialised, e.g. built from parts it serialised for the store anyway: the
 * text is sent as it is (it must be valid JSON) and delivered parsed, like any other message.
 */
export class RawJson {
  constructor(readonly json: string) {}
}

export interface PublishOptions {
  /**
   * De-duplication key: a second publish with the same msgId inside the bus's window is not stored again
   * (JetStream `Nats-Msg-Id`). Use a business key (declaration id + version, batch id + chunk) so retries are safe.
   */
  readonly msgId?: string;
}

export interface BusMessage<T = unknown> {
  readonly subject: Subject;
  /** The published value after a JSON round trip (what crosses a wire), whichever adapter delivers it. */
  readonly data: T;
  readonly msgId?: string;
  /** Position in the stream (in-process: a per-bus counter). */
  readonly seq: number;
  /** 1 on the first delivery, then 2, 3, … up to maxDeliver. */
  readonly deliveryCount: number;
  readonly redelivered: boolean;
  /** Restarts the ack-wait timer, for a handler that is slow but alive (e.g. a large batch). */
  working(): void;
}

export type Handler<T = unknown> = (msg: BusMessage<T>) => Promise<void>;

export interface ConsumeOptions {
  /**
   * Durable consumer group. Each durable receives every matching message once; subscriptions sharing a durable
   * compete for its messages. A durable outlives its subscriptions until deleteConsumer().
   */
  readonly durable: string;
  /** Filter(s). Several filters on NATS need nats-server ≥ 2.10. */
  readonly subjects: Subject | readonly Subject[];
  /**
   * Most messages of this durable delivered and not yet acknowledged, over all its subscriptions (JetStream
   * max_ack_pending). This is the consumer-side backpressure bound. Default 64.
   */
  readonly maxInFlight?: number;
  /** Messages pulled per request (JetStream fetch batch), at most maxInFlight. Default maxInFlight. */
  readonly batch?: number;
  /** A message whose handler has not finished (nor called working()) within this time is redelivered. Default 30 s. */
  readonly ackWaitMs?: number;
  /** Deliveries before a failing message is given up. Default 5. */
  readonly maxDeliver?: number;
  /** Delay before a message whose handler threw is redelivered. Default 0. */
  readonly retryDelayMs?: number;
  /**
   * Told about every handler failure; `willRetry` is false when the message has had its last delivery and is
   * dropped (the caller records it as failed — this is the dead-letter hook).
   */
  readonly onError?: (error: unknown, msg: BusMessage, willRetry: boolean) => void;
}

export interface Subscription {
  readonly durable: string;
  /**
   * Stops taking messages and waits for the running handlers to finish (and be acknowledged). Messages already
   * pulled but not started go back to the durable for other subscriptions.
   */
  stop(): Promise<void>;
}

export interface EventBus {
  /**
   * Resolves once the message is durable (JetStream PubAck) — in-process, once queued — or recognised as a
   * duplicate of a msgId inside the window. May wait (backpressure). Publishes may be pipelined (not awaited one by
   * one); their order within the bus connection is kept.
   */
  publish(subject: Subject, data: unknown, opts?: PublishOptions): Promise<void>;
  consume<T = unknown>(opts: ConsumeOptions, handler: Handler<T>): Promise<Subscription>;
  /** Removes a durable and its position; its running subscriptions are stopped. */
  deleteConsumer(durable: string): Promise<void>;
  /**
   * How many messages the durable has still to handle: not yet delivered, being handled, or waiting for a retry
   * (JetStream: num_pending + num_ack_pending). Undefined for a durable the bus does not know. Zero means every
   * message published to it so far has been acknowledged or given up.
   */
  backlog(durable: string): Promise<number | undefined>;
  /** True when the bus can take publishes now. */
  health(): Promise<boolean>;
  /** Stops every subscription (waiting for running handlers), then releases the connection. Idempotent. */
  close(): Promise<void>;
}

export const BUS_DEFAULTS = {
  maxInFlight: 64,
  ackWaitMs: 30_000,
  maxDeliver: 5,
  retryDelayMs: 0,
} as const;

export function subjectList(subjects: Subject | readonly Subject[]): readonly Subject[] {
  return typeof subjects === 'string' ? [subjects] : subjects;
}

/** NATS subject matching: `*` matches one token, `>` one or more trailing tokens. */
export function subjectMatches(filter: Subject, subject: Subject): boolean {
  const f = filter.split('.');
  const s = subject.split('.');
  for (let i = 0; i < f.length; i++) {
    const tok = f[i];
    if (tok === '>') return s.length > i;
    if (i >= s.length) return false;
    if (tok !== '*' && tok !== s[i]) return false;
  }
  return f.length === s.length;
}
