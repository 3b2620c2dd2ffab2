import { describe } from 'vitest';
import { eventBusContract } from './contract.ts';
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
