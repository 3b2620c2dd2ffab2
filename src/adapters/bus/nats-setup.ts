import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  JetStreamApiError,
  RetentionPolicy,
  StorageType,
  type ConsumerConfig,
  type JetStreamManager,
  type StreamConfig,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { BusErrors } from './errors.ts';
import type { ResolvedConsume } from './validate.ts';

export interface StreamSettings {
  readonly name: string;
  readonly subjects: readonly string[];
  readonly duplicateWindowMs: number;
  readonly storage: 'file' | 'memory';
  readonly replicas: number;
  /** Stream size limits; when reached the oldest messages go (limits retention, as a log). */
  readonly maxBytes: number;
  readonly maxAgeMs: number;
}

/** JetStream answers "not found" (stream 10059, consumer 10014) with status 404. */
export const isNotFound = (e: unknown): boolean => e instanceof JetStreamApiError && e.status === 404;

/** Creates the stream, or brings an existing one to these settings (subjects, window, limits) — idempotent. */
export async function ensureStream(jsm: JetStreamManager, s: StreamSettings): Promise<void> {
  const wanted: Partial<StreamConfig> = {
    subjects: [...s.subjects],
    duplicate_window: nanos(s.duplicateWindowMs),
    max_bytes: s.maxBytes,
    max_age: nanos(s.maxAgeMs),
  };
  try {
    const info = await jsm.streams.info(s.name);
    const c = info.config;
    const same =
      JSON.stringify([...c.subjects].sort()) === JSON.stringify([...s.subjects].sort()) &&
      c.duplicate_window === wanted.duplicate_window &&
      c.max_bytes === wanted.max_bytes &&
      c.max_age === wanted.max_age;
    if (!same) await jsm.streams.update(s.name, wanted);
  } catch (e) {
    if (!isNotFound(e)) throw e;
    await jsm.streams.add({
      ...wanted,
      name: s.name,
      storage: s.storage === 'file' ? StorageType.File : StorageType.Memory,
      retention: RetentionPolicy.Limits,
      discard: DiscardPolicy.Old,
      num_replicas: s.replicas,
    });
  }
}

/**
 * Creates the durable pull consumer or updates the settings JetStream lets change (ack wait, max deliver, max ack
 * pending). Several filters need nats-server 2.10 (filter_subjects); one filter works on 2.9.
 */
export async function ensureConsumer(
  jsm: JetStreamManager,
  stream: string,
  c: ResolvedConsume,
  serverVersion: string,
): Promise<void> {
  const [major = 0, minor = 0] = serverVersion.split('.').map(Number);
  const before210 = major < 2 || (major === 2 && minor < 10);
  if (c.filters.length > 1 && before210) {
    throw BusErrors.invalidOptions(`several subject filters need nats-server >= 2.10 (this one is ${serverVersion})`);
  }
  const tunables = {
    ack_wait: nanos(c.ackWaitMs),
    max_deliver: c.maxDeliver,
    max_ack_pending: c.maxInFlight,
  };
  const filter = c.filters.length === 1 ? { filter_subject: c.filters[0]! } : { filter_subjects: [...c.filters] };
  try {
    const info = await jsm.consumers.info(stream, c.durable);
    const k = info.config;
    const current = k.filter_subjects ?? (k.filter_subject ? [k.filter_subject] : []);
    const sameFilter = JSON.stringify([...current].sort()) === JSON.stringify([...c.filters].sort());
    // nats-server 2.9 accepts a new filter on an existing durable but then delivers nothing (tried): refuse instead.
    if (!sameFilter && before210) {
      throw BusErrors.invalidOptions(
        `durable ${c.durable} filters on ${current.join(', ')}; delete it (deleteConsumer) or use another name`,
      );
    }
    if (
      !sameFilter ||
      k.ack_wait !== tunables.ack_wait ||
      k.max_deliver !== c.maxDeliver ||
      k.max_ack_pending !== c.maxInFlight
    ) {
      await jsm.consumers.update(stream, c.durable, sameFilter ? tunables : { ...tunables, ...filter });
    }
  } catch (e) {
    if (!isNotFound(e)) throw e;
    const config: Partial<ConsumerConfig> = {
      ...tunables,
      ...filter,
      durable_name: c.durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
    };
    await jsm.consumers.add(stream, config);
  }
}
