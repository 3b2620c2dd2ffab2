import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { waitFor } from './contract.ts';
import { NatsEventBus } from './nats.ts';

const url = process.env['TEST_NATS_URL'];
const WORKER = fileURLToPath(new URL('./nats-worker.fixture.ts', import.meta.url));
// The platform's own TypeScript loader, as `npm start` uses.
const REGISTER = new URL('../../../bin/register.mjs', import.meta.url).href;

describe.skipIf(!url)('NATS JetStream event bus when a worker process is killed', () => {
  it('hands every unacknowledged message to the next worker; only the last in-flight ones run twice', async () => {
    const prefix = `t${randomBytes(5).toString('hex')}`;
    const stream = `TEST_${prefix}`;
    const bus = await NatsEventBus.connect({
      servers: url!,
      streamName: stream,
      subjects: [`${prefix}.>`],
      storage: 'memory',
    });
    const N = 2_000;
    const counts = new Map<number, number>();
    const seen = (n: number): void => void counts.set(n, (counts.get(n) ?? 0) + 1);
    try {
      await Promise.all([...Array(N).keys()].map((i) => bus.publish(`${prefix}.work`, i, { msgId: `w${i}` })));
      const child = spawn(process.execPath, ['--import', REGISTER, WORKER, url!, stream, prefix, 'crash'], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let buf = '';
      let ready = false;
      let fromChild = 0;
      child.stdout.on('data', (d: Buffer) => {
        buf += d.toString();
        const lines = buf.split('\n');
        buf = lines.pop()!;
        for (const l of lines) {
          if (l === 'ready') ready = true;
          else if (l) {
            seen(Number(l));
            fromChild++;
          }
        }
      });
      await waitFor(() => ready && fromChild >= 300, 20_000, 'the worker to be midway');
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
      expect(fromChild).toBeLessThan(N);

      const sub = await bus.consume(
        { durable: 'crash', subjects: `${prefix}.>`, maxInFlight: 8, ackWaitMs: 1_000 },
        async (m) => seen(m.data as number),
      );
      await waitFor(() => counts.size === N, 20_000, 'every message processed');
      await sub.stop();
      const twice = [...counts.values()].filter((c) => c > 1).length;
      // Processed but not yet acknowledged when killed: at most the durable's in-flight bound.
      expect(twice).toBeLessThanOrEqual(8);
    } finally {
      await bus.deleteStream();
      await bus.close();
    }
  }, 60_000);
});
