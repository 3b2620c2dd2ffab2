/**
 * A worker process for nats-crash.test.ts: consumes a durable and prints each message's data once its handler has
 * finished (before the ack), so the test knows what was processed when it SIGKILLs the process.
 * Args: <natsUrl> <stream> <subjectPrefix> <durable>
 */
import { NatsEventBus } from './nats.ts';

const [url, stream, prefix, durable] = process.argv.slice(2);
if (!url || !stream || !prefix || !durable) throw new Error('usage: nats-worker.fixture.ts URL STREAM PREFIX DURABLE');
const bus = await NatsEventBus.connect({
  servers: url,
  streamName: stream,
  subjects: [`${prefix}.>`],
  storage: 'memory',
});
await bus.consume({ durable, subjects: `${prefix}.>`, maxInFlight: 8, ackWaitMs: 1_000 }, async (m) => {
  await new Promise((r) => setTimeout(r, 2));
  process.stdout.write(`${String(m.data)}\n`);
});
process.stdout.write('ready\n');
