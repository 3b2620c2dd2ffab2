import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryEventBus } from '../../adapters/bus/memory.ts';
import type { BusMessage } from '../../adapters/bus/port.ts';
import { openStore, type Store } from '../../adapters/store/connect.ts';
import { ConsignmentsRepo } from '../../adapters/store/consignments.repo.ts';
import { OutboxRelay } from '../../adapters/store/outbox.relay.ts';
import { packConsignment, sampleConsignment } from '../../modules/consignments/index.ts';
import { ClearanceEngine } from './clear-consignments.ts';
import { DECIDED_SUBJECT, ClearancePipeline, type AcceptedMessage } from './pipeline.ts';

const dup = (id: string) => ({ code: 'CLEARANCE.DUPLICATE_CONSIGNMENT', message: id });

/** An engine that counts its clearances: each consignment must be cleared once, however often it is announced. */
function countingEngine(counter: Map<string, number>): ClearanceEngine {
  const engine = Object.create(ClearanceEngine.prototype) as ClearanceEngine;
  engine.clear = async (list) =>
    list.map(({ consignmentId }) => {
      counter.set(consignmentId, (counter.get(consignmentId) ?? 0) + 1);
      return { consignmentId, status: 'released' as const, lane: 'green', assessment: {}, risk: {} };
    });
  return engine;
}

describe('ClearancePipeline on the bus', () => {
  let store: Store;
  let bus: MemoryEventBus;
  beforeAll(async () => {
    store = await openStore({ dbDir: 'memory://' });
    bus = new MemoryEventBus();
  });
  afterAll(async () => {
    await bus.close();
    await store.close();
  });

  it('clears announced consignments once each, even when a message is delivered again, and announces each decision once', async () => {
    const repo = new ConsignmentsRepo(store.db);
    // The decided events go through the outbox: stored with the decisions, relayed afterwards.
    const relay = new OutboxRelay(store.db, bus);
    const pipeline = new ClearancePipeline(bus, repo, () => relay.poke());
    const counter = new Map<string, number>();
    const engine = countingEngine(counter);
    const decided: string[] = [];
    await bus.consume<{ decisions: { consignmentId: string }[] }>({ durable: 'test-decided', subjects: DECIDED_SUBJECT }, async (m: BusMessage<{ decisions: { consignmentId: string }[] }>) => {
      decided.push(...m.data.decisions.map((d) => d.consignmentId));
    });
    await repo.createBatch({ id: 'cb_p1', ownerId: 'o', format: 'ndjson' });
    const c = sampleConsignment();
    const { fresh } = await repo.recordChunk('cb_p1', 'o', ['A', 'B', 'C'].map((id, i) => ({ lineNo: i + 1, consignmentId: id, data: { ...c, consignmentId: id } })), dup);
    await repo.finishUpload('cb_p1');
    const sub = await pipeline.startWorker(async () => engine);
    const announced = fresh.map((consignmentId) => ({ consignmentId, data: { ...c, consignmentId } }));
    await pipeline.announce('cb_p1', 'o', announced, 1);
    for (let i = 0; i < 100 && (await repo.getBatch('cb_p1'))?.status !== 'completed'; i++) await new Promise((r) => setTimeout(r, 20));
    // A redelivery (or the same ids re-announced after a crash) finds them decided.
    const again: AcceptedMessage = { batchId: 'cb_p1', ownerId: 'o', consignments: announced };
    expect(await pipeline.clearMessage(engine, again, '2026-11-20', true)).toBe(0);
    expect(await pipeline.clearMessage(engine, { ...again, resumed: true }, '2026-11-20')).toBe(0);
    await sub.stop();
    expect([...counter.values()]).toEqual([1, 1, 1]);
    expect((await repo.getBatch('cb_p1'))?.decided).toBe(3);
    for (let i = 0; i < 50 && decided.length < 3; i++) await new Promise((r) => setTimeout(r, 20));
    expect(decided.sort()).toEqual(['A', 'B', 'C']);
    await relay.stop();
  });

  it('splits a chunk that passes the bus payload limit into halves, each with its own message id', async () => {
    const small = new MemoryEventBus({ maxPayloadBytes: 2_000 });
    const pipeline = new ClearancePipeline(small, new ConsignmentsRepo(store.db));
    const got: { msgId?: string; n: number }[] = [];
    const sub = await small.consume<AcceptedMessage>({ durable: 'split', subjects: 'customs.consignments.accepted' }, async (m) => {
      got.push({ ...(m.msgId !== undefined ? { msgId: m.msgId } : {}), n: m.data.packed?.length ?? 0 });
    });
    const c = sampleConsignment();
    const packedBytes = JSON.stringify(packConsignment(c)).length;
    // 12 packed consignments pass 2,000 bytes, 3 do not
    expect([packedBytes * 12 > 2_000, packedBytes * 3 < 2_000]).toEqual([true, true]);
    const list = Array.from({ length: 12 }, (_, i) => ({ consignmentId: `S${i}`, data: { ...c, consignmentId: `S${i}` } }));
    await pipeline.announce('cb_split', 'o', list, 7);
    for (let i = 0; i < 50 && got.reduce((a, g) => a + g.n, 0) < 12; i++) await new Promise((r) => setTimeout(r, 10));
    await sub.stop();
    await small.close();
    expect(got.reduce((a, g) => a + g.n, 0)).toBe(12);
    expect(got.length).toBeGreaterThan(1);
    expect(new Set(got.map((g) => g.msgId)).size).toBe(got.length);
    expect(got.every((g) => g.msgId?.startsWith('cb_split:7'))).toBe(true);
  });

  it('sweeps an upload abandoned by its node: failed with a code, its stored but unannounced consignments cleared', async () => {
    const repo = new ConsignmentsRepo(store.db);
    const pipeline = new ClearancePipeline(bus, repo);
    const counter = new Map<string, number>();
    const engine = countingEngine(counter);
    await repo.createBatch({ id: 'cb_sw', ownerId: 'o', format: 'ndjson' });
    const c = sampleConsignment();
    // stored, then the node died before announcing them
    await repo.recordChunk('cb_sw', 'o', ['S1', 'S2'].map((id, i) => ({ lineNo: i + 1, consignmentId: id, data: { ...c, consignmentId: id } })), dup);
    const sub = await pipeline.startWorker(async () => engine);
    expect((await pipeline.sweep({ staleMs: 60_000, graceMs: 0 })).abandoned).not.toContain('cb_sw');
    await new Promise((r) => setTimeout(r, 30));
    const swept = await pipeline.sweep({ staleMs: 10, graceMs: 0 });
    expect(swept.abandoned).toContain('cb_sw');
    expect(swept.resumed).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < 100 && (await repo.getBatch('cb_sw'))?.decided !== 2; i++) await new Promise((r) => setTimeout(r, 20));
    await sub.stop();
    const b = await repo.getBatch('cb_sw');
    expect([b?.status, b?.decided, counter.get('S1'), counter.get('S2')]).toEqual(['failed', 2, 1, 1]);
    expect((await pipeline.sweep({ staleMs: 10, graceMs: 0 })).resumed).toBe(0);
  });

  it('re-announces a stalled batch once the clearance queue is empty, and waits longer while it is not', async () => {
    const repo = new ConsignmentsRepo(store.db);
    const c = sampleConsignment();
    const stalled = async (id: string, ids: string[]): Promise<void> => {
      await repo.createBatch({ id, ownerId: 'o', format: 'ndjson' });
      // stored and announced, then the bus lost the messages: nothing queued will decide them
      await repo.recordChunk(id, 'o', ids.map((x, i) => ({ lineNo: i + 1, consignmentId: x, data: { ...c, consignmentId: x } })), dup);
      await repo.finishUpload(id);
    };

    // no clearance durable yet (its queue unknown): only the long wait applies
    const quiet = new MemoryEventBus();
    await stalled('cb_st0', ['T0']);
    await new Promise((r) => setTimeout(r, 30));
    const busy = new ClearancePipeline(quiet, repo);
    expect(await busy.resumeStalled({ idleMs: 10, busyIdleMs: 3_600_000 })).toBe(0);
    expect(await busy.resumeStalled({ idleMs: 3_600_000, busyIdleMs: 10 })).toBeGreaterThanOrEqual(1);
    await quiet.close();

    const pipeline = new ClearancePipeline(bus, repo);
    const counter = new Map<string, number>();
    const sub = await pipeline.startWorker(async () => countingEngine(counter));
    await stalled('cb_st', ['T1', 'T2']);
    // progressing a moment ago: left alone
    expect((await pipeline.sweep({ idleMs: 60_000 })).stalled).toBe(0);
    await new Promise((r) => setTimeout(r, 30));
    // the queue is empty and the batch idle: announced again, and cleared once each
    expect((await pipeline.sweep({ idleMs: 10 })).stalled).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < 100 && (await repo.getBatch('cb_st'))?.status !== 'completed'; i++) await new Promise((r) => setTimeout(r, 20));
    await sub.stop();
    expect([(await repo.getBatch('cb_st'))?.status, counter.get('T1'), counter.get('T2')]).toEqual(['completed', 1, 1]);
  });

  it('announces each consignment as its clearable part, and clears messages of whole consignments as well', async () => {
    const pipeline = new ClearancePipeline(bus, new ConsignmentsRepo(store.db));
    const got: AcceptedMessage[] = [];
    // a new durable reads the stream from its start: earlier tests' messages are skipped by batch
    const sub = await bus.consume<AcceptedMessage>({ durable: 'same-shape', subjects: 'customs.consignments.accepted' }, async (m) => {
      if (m.data.batchId === 'cb_pack') got.push(m.data);
    });
    const c = { ...sampleConsignment(), consignmentId: 'J1' };
    await pipeline.announce('cb_pack', 'o"wner', [{ consignmentId: 'J1', data: c }], 1);
    for (let i = 0; i < 50 && got.length < 1; i++) await new Promise((r) => setTimeout(r, 10));
    await sub.stop();
    expect(got).toEqual([{ batchId: 'cb_pack', ownerId: 'o"wner', packed: [packConsignment(c)] }]);

    // what the engine is given: the clearable part, from either form of message
    const seen: unknown[] = [];
    const engine = Object.create(ClearanceEngine.prototype) as ClearanceEngine;
    engine.clear = async (list) => {
      seen.push(...list.map((x) => JSON.parse(JSON.stringify(x.data)) as unknown));
      return list.map(({ consignmentId }) => ({ consignmentId, status: 'released' as const, lane: 'green', assessment: {}, risk: {} }));
    };
    const repo = new ConsignmentsRepo(store.db);
    await repo.createBatch({ id: 'cb_pack', ownerId: 'o"wner', format: 'ndjson' });
    await repo.createBatch({ id: 'cb_whole', ownerId: 'o"wner', format: 'ndjson' });
    expect(await pipeline.clearMessage(engine, got[0]!, '2026-12-01')).toBe(1);
    const whole = { batchId: 'cb_whole', ownerId: 'o"wner', consignments: [{ consignmentId: 'J2', data: { ...c, consignmentId: 'J2' } }] };
    expect(await pipeline.clearMessage(engine, whole, '2026-12-01')).toBe(1);
    const part = {
      consignmentId: 'J1',
      transportDocument: c.transportDocument,
      seller: { name: c.seller.name, country: c.seller.country },
      buyer: { name: c.buyer.name, country: c.buyer.country },
      platform: { name: c.platform.name },
      items: c.items,
      grossMassKg: c.grossMassKg,
    };
    expect(seen[0]).toEqual(part);
    expect(seen[1]).toMatchObject({ ...part, consignmentId: 'J2' });
  });
});
