/**
 * Event bus throughput: messages carrying batches of consignment-like records, published pipelined and consumed by
 * one durable, on the in-process bus and on NATS JetStream (file storage). Run:
 *   npx tsx bench/bus.bench.ts [--json] [--messages 2000] [--records 100] [--window 64] [--max-in-flight 64]
 * NATS: NATS_URL (default nats://127.0.0.1:4222); a mode that cannot be reached prints null with the reason.
 */
import { randomBytes } from 'node:crypto';
import { numberFlag, parseArgs } from '../src/cli/args.ts';
import { MemoryEventBus, NatsEventBus, type EventBus } from '../src/adapters/bus/index.ts';

const args = parseArgs(process.argv.slice(2));
const json = args.flags['json'] === true;
const messages = numberFlag(args, 'messages', 2_000);
const records = numberFlag(args, 'records', 100);
const window = numberFlag(args, 'window', 64);
const maxInFlight = numberFlag(args, 'max-in-flight', 64);
const natsUrl = process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';
const say = (s: string): void => void (json ? process.stderr : process.stdout).write(`${s}\n`);

const record = (i: number): Record<string, unknown> => ({
  consignmentId: `C${i.toString().padStart(10, '0')}`,
  hawb: `157-${(10_000_000 + i).toString()}`,
  seller: { name: 'Shenzhen Example Trading Co', country: 'CN' },
  buyer: { name: 'Yamada Taro', address: '1-2-3 Shibuya, Tokyo', country: 'JP' },
  items: [{ description: 'cotton t-shirt', hs6: '610910', quantity: 2, value: '24.50', currency: 'USD' }],
  grossMassKg: '0.4',
});

interface Figures {
  readonly messagesPerSec: number;
  readonly recordsPerSec: number;
  readonly publishMessagesPerSec: number;
  readonly bytesPerMessage: number;
}

async function run(bus: EventBus, prefix: string): Promise<Figures> {
  const batch = Array.from({ length: records }, (_, i) => record(i));
  const bytesPerMessage = Buffer.byteLength(JSON.stringify({ chunk: 0, batch }));
  let done = 0;
  let resolveAll!: () => void;
  const all = new Promise<void>((r) => (resolveAll = r));
  const sub = await bus.consume({ durable: 'bench', subjects: `${prefix}.>`, maxInFlight }, async (m) => {
    const d = m.data as { batch: unknown[] };
    if (d.batch.length !== records) throw new Error('short batch');
    if (++done === messages) resolveAll();
  });
  const t0 = performance.now();
  // A counting window (not Promise.race over a set, which costs O(window) per publish and would be measured too).
  let pending = 0;
  let freed: (() => void) | undefined;
  const settled = (): void => {
    pending--;
    const f = freed;
    freed = undefined;
    f?.();
  };
  for (let i = 0; i < messages; i++) {
    while (pending >= window) await new Promise<void>((r) => (freed = r));
    pending++;
    bus
      .publish(`${prefix}.consignments.received`, { chunk: i, batch }, { msgId: `${prefix}-${i}` })
      .then(settled, (e) => {
        throw e;
      });
  }
  while (pending > 0) await new Promise<void>((r) => (freed = r));
  const tPub = performance.now();
  await all;
  const t1 = performance.now();
  await sub.stop();
  const s = (t1 - t0) / 1000;
  return {
    messagesPerSec: Math.round(messages / s),
    recordsPerSec: Math.round((messages * records) / s),
    publishMessagesPerSec: Math.round(messages / ((tPub - t0) / 1000)),
    bytesPerMessage,
  };
}

const tag = `bench${randomBytes(4).toString('hex')}`;
say(`bus bench: ${messages} messages × ${records} records, publish window ${window}, maxInFlight ${maxInFlight}`);

const memBus = new MemoryEventBus();
const memory = await run(memBus, 'customs');
await memBus.close();
say(`in-process: ${JSON.stringify(memory)}`);

let nats: Figures | null = null;
let natsReason: string | undefined;
try {
  const bus = await NatsEventBus.connect({ servers: natsUrl, streamName: `BENCH_${tag}`, subjects: [`${tag}.>`] });
  try {
    nats = await run(bus, tag);
    say(`NATS JetStream (${natsUrl}, file storage, 1 replica): ${JSON.stringify(nats)}`);
  } finally {
    await bus.deleteStream();
    await bus.close();
  }
} catch (e) {
  natsReason = `NATS not reachable at ${natsUrl}: ${e instanceof Error ? e.message : String(e)}`;
  say(natsReason);
}

if (json) {
  process.stdout.write(
    `${JSON.stringify({ messages, records, window, maxInFlight, memory, nats, ...(natsReason ? { natsReason } : {}) })}\n`,
  );
}
