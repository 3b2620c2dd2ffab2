import { describe, expect, it } from 'vitest';
import { eventBusContract, sleep, waitFor } from './contract.ts';
import { MemoryEventBus } from './memory.ts';

describe('in-process event bus: contract', () => {
  eventBusContract(
    async () => {
      const bus = new MemoryEventBus();
      return { bus, dispose: () => bus.close() };
    },
    { multipleFilters: true },
  );
});

describe('in-process event bus: bounded memory', () => {
  it('makes publish wait while a durable holds maxBacklog messages, then lets it through in order', async () => {
    const bus = new MemoryEventBus({ maxBacklog: 5 });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const got: number[] = [];
    await bus.consume({ durable: 'slow', subjects: 'customs.q', maxInFlight: 1 }, async (m) => {
      await gate;
      got.push(m.data as number);
    });
    const settled: number[] = [];
    const pubs = [...Array(8).keys()].map((i) => bus.publish('customs.q', i).then(() => settled.push(i)));
    await sleep(100);
    expect(settled).toEqual([0, 1, 2, 3, 4]);
    release();
    await Promise.all(pubs);
    await waitFor(() => got.length === 8);
    expect(got).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    await bus.close();
  });

  it('does not hold publishes for subjects no durable is behind on', async () => {
    const bus = new MemoryEventBus({ maxBacklog: 2 });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    await bus.consume({ durable: 'stuck', subjects: 'customs.stuck', maxInFlight: 1 }, () => gate);
    for (let i = 0; i < 2; i++) await bus.publish('customs.stuck', i);
    // Nothing listens to customs.other, so its messages only go to the bounded history ring.
    for (let i = 0; i < 50; i++) await bus.publish('customs.other', i);
    const blocked = bus.publish('customs.stuck', 99);
    const closing = bus.close();
    release();
    await closing;
    await expect(blocked).rejects.toMatchObject({ code: 'BUS.CLOSED' });
  });

  it('keeps only the last `retain` messages for durables created later', async () => {
    const bus = new MemoryEventBus({ retain: 3 });
    for (let i = 0; i < 10; i++) await bus.publish('customs.h', i);
    const got: number[] = [];
    await bus.consume({ durable: 'late', subjects: 'customs.h' }, async (m) => void got.push(m.data as number));
    await waitFor(() => got.length === 3);
    expect(got).toEqual([7, 8, 9]);
    await bus.close();
  });

  it('forgets a msgId once the de-duplication window has passed', async () => {
    let now = 0;
    const bus = new MemoryEventBus({ duplicateWindowMs: 1_000, now: () => now });
    const got: number[] = [];
    await bus.consume({ durable: 'w', subjects: 'customs.d' }, async (m) => void got.push(m.data as number));
    await bus.publish('customs.d', 1, { msgId: 'k' });
    now = 999;
    await bus.publish('customs.d', 2, { msgId: 'k' });
    now = 1_000;
    await bus.publish('customs.d', 3, { msgId: 'k' });
    await waitFor(() => got.length >= 2);
    await sleep(50);
    expect(got).toEqual([1, 3]);
    await bus.close();
  });

  it('stops a deleted durable and releases publishers waiting on it', async () => {
    const bus = new MemoryEventBus({ maxBacklog: 1 });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    await bus.consume({ durable: 'gone', subjects: 'customs.g', maxInFlight: 1 }, () => gate);
    await bus.publish('customs.g', 1);
    const waiting = bus.publish('customs.g', 2);
    await sleep(50);
    const deleting = bus.deleteConsumer('gone');
    release();
    await deleting;
    await expect(waiting).resolves.toBeUndefined();
    await bus.close();
  });
});
