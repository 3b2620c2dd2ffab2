import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eventBusContract, waitFor } from './contract.ts';
import { NatsEventBus } from './nats.ts';

const url = process.env['TEST_NATS_URL'];

/** Runs against the server in TEST_NATS_URL; each test owns a stream named and bound after its unique prefix. */
describe.skipIf(!url)('NATS JetStream event bus: contract', () => {
  eventBusContract(
    async (prefix) => {
      const bus = await NatsEventBus.connect({
        servers: url!,
        streamName: `TEST_${prefix}`,
        subjects: [`${prefix}.>`],
        storage: 'memory',
        publishTimeoutMs: 5_000,
      });
      return {
        bus,
        dispose: async () => {
          const admin = await NatsEventBus.connect({
            servers: url!,
            streamName: `TEST_${prefix}`,
            subjects: [`${prefix}.>`],
          });
          await admin.deleteStream();
          await admin.close();
          await bus.close();
        },
      };
    },
    { multipleFilters: false },
  );
});

describe.skipIf(!url)('NATS JetStream event bus: durables on the server', () => {
  it('re-points a durable to other subjects on nats-server 2.10+, refuses on older servers', async () => {
    const prefix = `t${randomBytes(5).toString('hex')}`;
    const bus = await NatsEventBus.connect({
      servers: url!,
      streamName: `TEST_${prefix}`,
      subjects: [`${prefix}.>`],
      storage: 'memory',
    });
    try {
      const first = await bus.consume({ durable: 'moved', subjects: `${prefix}.a` }, async () => {});
      await first.stop();
      const got: string[] = [];
      const again = bus.consume({ durable: 'moved', subjects: `${prefix}.b` }, async (m) => void got.push(m.subject));
      const [major = 0, minor = 0] = bus.serverVersion.split('.').map(Number);
      if (major === 2 && minor < 10) {
        await expect(again).rejects.toMatchObject({ code: 'BUS.INVALID_OPTIONS' });
      } else {
        const sub = await again;
        await bus.publish(`${prefix}.a`, 1);
        await bus.publish(`${prefix}.b`, 2);
        await waitFor(() => got.length === 1);
        expect(got).toEqual([`${prefix}.b`]);
        await sub.stop();
      }
    } finally {
      await bus.deleteStream();
      await bus.close();
    }
  });
});
