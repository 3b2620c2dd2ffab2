import { describe, expect, it } from 'vitest';
import { createBus, MemoryEventBus, NatsEventBus } from './index.ts';

const url = process.env['TEST_NATS_URL'];

describe('createBus', () => {
  it('returns the in-process bus when no NATS URL is configured', async () => {
    const bus = await createBus({ natsUrl: undefined });
    expect(bus).toBeInstanceOf(MemoryEventBus);
    await bus.close();
  });

  it.skipIf(!url)('connects to NATS JetStream and ensures the named stream when a URL is given', async () => {
    const tag = `t${Date.now().toString(36)}`;
    const name = `TEST_CREATE_${tag}`;
    // Own subjects: a shared server may already hold a stream on customs.>, and stream subjects cannot overlap.
    const bus = await createBus({ natsUrl: url, streamName: name, subjects: [`${tag}.>`] });
    try {
      expect(bus).toBeInstanceOf(NatsEventBus);
      expect(await bus.health()).toBe(true);
      expect((bus as NatsEventBus).stream).toMatchObject({ name, subjects: [`${tag}.>`], storage: 'file' });
    } finally {
      await (bus as NatsEventBus).deleteStream();
      await bus.close();
    }
  });
});
