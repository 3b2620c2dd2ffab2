/**
 * The event bus: a port (port.ts) with an in-process adapter for embedded mode and a NATS JetStream adapter for
 * scaled mode, both held to one contract (contract.ts). Subjects live under `customs.` (e.g.
 * `customs.declarations.submitted`); delivery is at-least-once to durable groups, de-duplicated by msgId.
 */
import { MemoryEventBus, type MemoryBusOptions } from './memory.ts';
import { NatsEventBus } from './nats.ts';
import type { EventBus } from './port.ts';

export type { BusMessage, ConsumeOptions, EventBus, Handler, PublishOptions, Subscription } from './port.ts';
export { RawJson, subjectMatches } from './port.ts';
export { BusErrors } from './errors.ts';
export { MemoryEventBus, type MemoryBusOptions } from './memory.ts';
export { NatsEventBus, type NatsBusOptions } from './nats.ts';

export interface CreateBusOptions {
  /** Unset → the in-process bus. */
  readonly natsUrl?: string | undefined;
  readonly streamName?: string | undefined;
  /** Subjects the NATS stream stores. Default `customs.>`. */
  readonly subjects?: readonly string[] | undefined;
  /** Options of the in-process bus (ignored with natsUrl). */
  readonly memory?: MemoryBusOptions;
}

/** NATS JetStream when a URL is configured (NATS_URL), otherwise the in-process bus. */
export async function createBus(opts: CreateBusOptions = {}): Promise<EventBus> {
  if (!opts.natsUrl) return new MemoryEventBus(opts.memory);
  return NatsEventBus.connect({
    servers: opts.natsUrl,
    ...(opts.streamName ? { streamName: opts.streamName } : {}),
    ...(opts.subjects ? { subjects: opts.subjects } : {}),
  });
}
