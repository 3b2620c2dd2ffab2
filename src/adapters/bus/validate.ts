import { BusErrors } from './errors.ts';
import { BUS_DEFAULTS, RawJson, subjectList, type ConsumeOptions } from './port.ts';

const TOKEN = /^[A-Za-z0-9_-]+$/;
const FILTER_TOKEN = /^([A-Za-z0-9_-]+|\*|>)$/;
const DURABLE = /^[A-Za-z0-9_-]{1,64}$/;

/** Publish subjects are concrete: no wildcards, no empty tokens (NATS would reject or mis-route them). */
export function assertPublishSubject(subject: string): void {
  if (!subject.split('.').every((t) => TOKEN.test(t))) throw BusErrors.invalidSubject(`Invalid subject "${subject}"`);
}

export function assertFilter(filter: string): void {
  const toks = filter.split('.');
  const ok = toks.every((t, i) => FILTER_TOKEN.test(t) && (t !== '>' || i === toks.length - 1));
  if (!ok) throw BusErrors.invalidSubject(`Invalid subject filter "${filter}"`);
}

export interface ResolvedConsume {
  readonly durable: string;
  readonly filters: readonly string[];
  readonly maxInFlight: number;
  readonly batch: number;
  readonly ackWaitMs: number;
  readonly maxDeliver: number;
  readonly retryDelayMs: number;
}

const positiveInt = (v: number, name: string): number => {
  if (!Number.isInteger(v) || v < 1) throw BusErrors.invalidOptions(`${name} must be a positive integer, got ${v}`);
  return v;
};

/** Defaults filled and every option checked once, so both adapters read the same numbers. */
export function resolveConsume(opts: ConsumeOptions): ResolvedConsume {
  if (!DURABLE.test(opts.durable)) {
    throw BusErrors.invalidOptions(`durable must be 1-64 letters, digits, - or _, got "${opts.durable}"`);
  }
  const filters = subjectList(opts.subjects);
  if (filters.length === 0) throw BusErrors.invalidOptions('subjects must name at least one subject');
  filters.forEach(assertFilter);
  const maxInFlight = positiveInt(opts.maxInFlight ?? BUS_DEFAULTS.maxInFlight, 'maxInFlight');
  const retryDelayMs = opts.retryDelayMs ?? BUS_DEFAULTS.retryDelayMs;
  if (!(retryDelayMs >= 0)) throw BusErrors.invalidOptions('retryDelayMs must be >= 0');
  return {
    durable: opts.durable,
    filters,
    maxInFlight,
    batch: Math.min(positiveInt(opts.batch ?? maxInFlight, 'batch'), maxInFlight),
    ackWaitMs: positiveInt(opts.ackWaitMs ?? BUS_DEFAULTS.ackWaitMs, 'ackWaitMs'),
    maxDeliver: positiveInt(opts.maxDeliver ?? BUS_DEFAULTS.maxDeliver, 'maxDeliver'),
    retryDelayMs,
  };
}

/** JSON is the wire format of both adapters; `undefined` travels as null like any JSON encoder would make it. */
export const encodeData = (data: unknown): string => (data instanceof RawJson ? data.json : (JSON.stringify(data) ?? 'null'));

/** NATS refuses messages above the server's max_payload (1 MiB by default); the in-process bus keeps the same limit. */
export const DEFAULT_MAX_PAYLOAD = 1024 * 1024;
export const tooLarge = (bytes: number, max: number): Error =>
  BusErrors.messageTooLarge(`The message is ${bytes} bytes; the bus takes at most ${max} — split the batch`, {
    bytes,
    max,
  });
