import { randomBytes } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { RawJson, type BusMessage, type EventBus, type Subscription } from './port.ts';

/**
 * The one event bus contract: every adapter runs these tests (memory.test.ts, nats.test.ts). Each test gets a fresh
 * bus whose subjects live under a unique prefix, so runs against a shared NATS server do not see each other.
 */
export interface BusFixture {
  readonly bus: EventBus;
  dispose(): Promise<void>;
}
export type BusFactory = (subjectPrefix: string) => Promise<BusFixture>;
export interface BusCapabilities {
  /** Consumers filtering on several subjects (NATS needs server ≥ 2.10). */
  readonly multipleFilters: boolean;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function waitFor(cond: () => boolean, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}

async function waitUntil(cond: () => Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(20);
  }
}

export function eventBusContract(factory: BusFactory, caps: BusCapabilities): void {
  let fixture: BusFixture | undefined;
  const subs: Subscription[] = [];
  let p = '';

  const open = async (): Promise<EventBus> => {
    p = `t${randomBytes(5).toString('hex')}`;
    fixture = await factory(p);
    return fixture.bus;
  };
  const track = (s: Subscription): Subscription => (subs.push(s), s);
  const gates: (() => void)[] = [];
  /** A promise the test opens; afterEach opens it too, so a failing test cannot leave handlers (and stop()) hanging. */
  const gate = (): { wait: Promise<void>; open: () => void } => {
    let open!: () => void;
    const wait = new Promise<void>((r) => (open = r));
    gates.push(open);
    return { wait, open };
  };

  afterEach(async () => {
    gates.splice(0).forEach((g) => g());
    await Promise.all(subs.splice(0).map((s) => s.stop()));
    await fixture?.dispose();
    fixture = undefined;
  });

  it('delivers a published message with its subject, JSON data and msgId, then acknowledges it', async () => {
    const bus = await open();
    const got: BusMessage[] = [];
    track(await bus.consume({ durable: 'd1', subjects: `${p}.declarations.>` }, async (m) => void got.push(m)));
    await bus.publish(`${p}.declarations.submitted`, { id: 'D1', at: new Date(0), n: 1 }, { msgId: 'D1:1' });
    await waitFor(() => got.length === 1);
    const m = got[0]!;
    expect(m.subject).toBe(`${p}.declarations.submitted`);
    expect(m.data).toEqual({ id: 'D1', at: '1970-01-01T00:00:00.000Z', n: 1 });
    expect(m.msgId).toBe('D1:1');
    expect([m.deliveryCount, m.redelivered]).toEqual([1, false]);
    await sleep(200);
    expect(got).toHaveLength(1);
  });

  it('sends a message its publisher serialised as it is, and delivers it parsed', async () => {
    const bus = await open();
    const got: BusMessage[] = [];
    track(await bus.consume({ durable: 'raw', subjects: `${p}.raw.>` }, async (m) => void got.push(m)));
    await bus.publish(`${p}.raw.one`, new RawJson('{"batchId":"cb_1","consignments":[{"consignmentId":"C1","data":{"v":"1.50"}}]}'));
    await waitFor(() => got.length === 1);
    expect(got[0]!.data).toEqual({ batchId: 'cb_1', consignments: [{ consignmentId: 'C1', data: { v: '1.50' } }] });
  });

  it('gives every durable each message exactly once', async () => {
    const bus = await open();
    const a: number[] = [];
    const b: number[] = [];
    track(await bus.consume({ durable: 'audit', subjects: `${p}.x.*` }, async (m) => void a.push(m.data as number)));
    track(await bus.consume({ durable: 'risk', subjects: `${p}.x.*` }, async (m) => void b.push(m.data as number)));
    for (let i = 0; i < 20; i++) await bus.publish(`${p}.x.e`, i);
    await waitFor(() => a.length >= 20 && b.length >= 20);
    await sleep(200);
    expect(a.sort((x, y) => x - y)).toEqual([...Array(20).keys()]);
    expect(b.sort((x, y) => x - y)).toEqual([...Array(20).keys()]);
  });

  it('shares a durable between competing subscriptions, each message handled once', async () => {
    const bus = await open();
    const seen: Record<string, number[]> = { one: [], two: [] };
    const opts = { durable: 'workers', subjects: `${p}.work`, maxInFlight: 2, batch: 1 };
    for (const who of ['one', 'two'] as const) {
      track(
        await bus.consume(opts, async (m) => {
          await sleep(15);
          seen[who]!.push(m.data as number);
        }),
      );
    }
    await Promise.all([...Array(30).keys()].map((i) => bus.publish(`${p}.work`, i)));
    await waitFor(() => seen['one']!.length + seen['two']!.length >= 30, 10_000);
    await sleep(200);
    const all = [...seen['one']!, ...seen['two']!].sort((x, y) => x - y);
    expect(all).toEqual([...Array(30).keys()]);
    expect(seen['one']!.length).toBeGreaterThan(0);
    expect(seen['two']!.length).toBeGreaterThan(0);
  });

  it('redelivers a message whose handler threw, counting deliveries', async () => {
    const bus = await open();
    const deliveries: [number, boolean][] = [];
    track(
      await bus.consume({ durable: 'flaky', subjects: `${p}.flaky` }, async (m) => {
        deliveries.push([m.deliveryCount, m.redelivered]);
        if (m.deliveryCount < 2) throw new Error('transient');
      }),
    );
    await bus.publish(`${p}.flaky`, 'x');
    await waitFor(() => deliveries.length >= 2);
    await sleep(300);
    expect(deliveries).toEqual([
      [1, false],
      [2, true],
    ]);
  });

  it('gives up after maxDeliver and reports the last failure as final', async () => {
    const bus = await open();
    const reports: boolean[] = [];
    const ok: string[] = [];
    const opts = {
      durable: 'poison',
      subjects: `${p}.p`,
      maxDeliver: 3,
      onError: (_e: unknown, _m: BusMessage, willRetry: boolean) => void reports.push(willRetry),
    };
    track(
      await bus.consume(opts, async (m) => {
        if (m.data === 'poison') throw new Error('always fails');
        ok.push(m.data as string);
      }),
    );
    await bus.publish(`${p}.p`, 'poison');
    await bus.publish(`${p}.p`, 'fine');
    await waitFor(() => reports.length >= 3 && ok.length === 1);
    await sleep(400);
    expect(reports).toEqual([true, true, false]);
    expect(ok).toEqual(['fine']);
  });

  it('stores a message once per msgId inside the de-duplication window', async () => {
    const bus = await open();
    const got: unknown[] = [];
    track(await bus.consume({ durable: 'dedupe', subjects: `${p}.d` }, async (m) => void got.push(m.data)));
    await bus.publish(`${p}.d`, 1, { msgId: 'same' });
    await bus.publish(`${p}.d`, 2, { msgId: 'same' });
    await bus.publish(`${p}.d`, 3, { msgId: 'other' });
    await waitFor(() => got.length >= 2);
    await sleep(200);
    expect(got).toEqual([1, 3]);
  });

  it('keeps publish order within a subject for a single consumer with one message in flight', async () => {
    const bus = await open();
    const got: number[] = [];
    track(
      await bus.consume({ durable: 'ordered', subjects: `${p}.o`, maxInFlight: 1 }, async (m) => {
        if ((m.data as number) % 7 === 0) await sleep(5);
        got.push(m.data as number);
      }),
    );
    // Pipelined publishes (not awaited one by one) must keep their order too.
    await Promise.all([...Array(100).keys()].map((i) => bus.publish(`${p}.o`, i)));
    await waitFor(() => got.length >= 100, 10_000);
    expect(got).toEqual([...Array(100).keys()]);
  });

  it('never has more than maxInFlight messages of a durable unacknowledged', async () => {
    const bus = await open();
    let running = 0;
    let peak = 0;
    let done = 0;
    const g = gate();
    const handler = async (): Promise<void> => {
      running++;
      peak = Math.max(peak, running);
      await g.wait;
      running--;
      done++;
    };
    const opts = { durable: 'bounded', subjects: `${p}.b`, maxInFlight: 3 };
    track(await bus.consume(opts, handler));
    track(await bus.consume(opts, handler));
    for (let i = 0; i < 12; i++) await bus.publish(`${p}.b`, i);
    await waitFor(() => running >= 3, 5_000, 'three handlers running');
    await sleep(400);
    expect(peak).toBe(3);
    g.open();
    await waitFor(() => done === 12, 10_000, 'all handled');
    expect(peak).toBe(3);
  });

  it('redelivers a message whose handler outlives the ack wait, and not one that reports working()', async () => {
    const bus = await open();
    const hung: number[] = [];
    const kept: number[] = [];
    const blocked = gate();
    track(
      await bus.consume({ durable: 'hang', subjects: `${p}.hang`, ackWaitMs: 1_000 }, async (m) => {
        hung.push(m.deliveryCount);
        if (m.deliveryCount === 1) await blocked.wait;
      }),
    );
    track(
      await bus.consume({ durable: 'slow', subjects: `${p}.slow`, ackWaitMs: 1_000 }, async (m) => {
        kept.push(m.deliveryCount);
        for (let i = 0; i < 6; i++) {
          await sleep(300);
          m.working();
        }
      }),
    );
    await bus.publish(`${p}.hang`, 'h');
    await bus.publish(`${p}.slow`, 's');
    await waitFor(() => hung.length >= 2, 6_000, 'redelivery after ack wait');
    blocked.open();
    await sleep(1_200);
    expect(hung).toEqual([1, 2]);
    expect(kept).toEqual([1]);
  });

  it('lets a durable created later receive what was published before it', async () => {
    const bus = await open();
    for (let i = 0; i < 5; i++) await bus.publish(`${p}.late`, i);
    const got: number[] = [];
    track(
      await bus.consume({ durable: 'latecomer', subjects: `${p}.late` }, async (m) => void got.push(m.data as number)),
    );
    await waitFor(() => got.length >= 5);
    expect(got.sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('remembers a durable position across stop(): messages published meanwhile reach the next subscription', async () => {
    const bus = await open();
    const first: number[] = [];
    const second: number[] = [];
    const s1 = await bus.consume(
      { durable: 'resume', subjects: `${p}.r` },
      async (m) => void first.push(m.data as number),
    );
    await bus.publish(`${p}.r`, 1);
    await waitFor(() => first.length === 1);
    await s1.stop();
    await bus.publish(`${p}.r`, 2);
    await sleep(200);
    track(
      await bus.consume({ durable: 'resume', subjects: `${p}.r` }, async (m) => void second.push(m.data as number)),
    );
    await waitFor(() => second.length >= 1);
    await sleep(200);
    expect([first, second]).toEqual([[1], [2]]);
  });

  it('waits for running handlers on stop() and acknowledges them', async () => {
    const bus = await open();
    let finished = 0;
    let started = 0;
    const s = await bus.consume({ durable: 'drain', subjects: `${p}.s` }, async () => {
      started++;
      await sleep(300);
      finished++;
    });
    await bus.publish(`${p}.s`, 1);
    await waitFor(() => started === 1);
    await s.stop();
    expect(finished).toBe(1);
    const again: unknown[] = [];
    track(await bus.consume({ durable: 'drain', subjects: `${p}.s` }, async (m) => void again.push(m.data)));
    await sleep(400);
    expect(again).toEqual([]);
  });

  it('forgets a deleted durable: recreated, it starts again from the retained messages', async () => {
    const bus = await open();
    const first: number[] = [];
    const s1 = await bus.consume(
      { durable: 'gone', subjects: `${p}.g` },
      async (m) => void first.push(m.data as number),
    );
    await bus.publish(`${p}.g`, 1);
    await bus.publish(`${p}.g`, 2);
    await waitFor(() => first.length === 2);
    await bus.deleteConsumer('gone');
    await s1.stop();
    await bus.publish(`${p}.g`, 3);
    await sleep(200);
    expect(first).toEqual([1, 2]);
    const again: number[] = [];
    track(await bus.consume({ durable: 'gone', subjects: `${p}.g` }, async (m) => void again.push(m.data as number)));
    await waitFor(() => again.length >= 3);
    expect(again).toEqual([1, 2, 3]);
  });

  it('counts what a durable has still to handle: waiting and being handled, none once all are acknowledged', async () => {
    const bus = await open();
    expect(await bus.backlog('counted')).toBeUndefined();
    const g = gate();
    track(await bus.consume({ durable: 'counted', subjects: `${p}.n`, maxInFlight: 1 }, () => g.wait));
    for (let i = 0; i < 3; i++) await bus.publish(`${p}.n`, i);
    // one being handled (unacknowledged) and two waiting; JetStream's counts may trail the publishes a little
    await waitUntil(async () => (await bus.backlog('counted')) === 3, 'a backlog of 3');
    g.open();
    await waitUntil(async () => (await bus.backlog('counted')) === 0, 'an empty backlog');
  });

  it.runIf(caps.multipleFilters)('filters a durable on several subjects', async () => {
    const bus = await open();
    const got: string[] = [];
    const subjects = [`${p}.a.one`, `${p}.b.*`];
    track(await bus.consume({ durable: 'multi', subjects }, async (m) => void got.push(m.subject)));
    for (const s of [`${p}.a.one`, `${p}.a.two`, `${p}.b.x`]) await bus.publish(s, s);
    await waitFor(() => got.length >= 2);
    await sleep(200);
    expect(got.sort()).toEqual([`${p}.a.one`, `${p}.b.x`]);
  });

  it('reports health, and refuses publishes once closed', async () => {
    const bus = await open();
    expect(await bus.health()).toBe(true);
    await bus.close();
    expect(await bus.health()).toBe(false);
    await expect(bus.publish(`${p}.after`, 1)).rejects.toMatchObject({ code: 'BUS.CLOSED' });
    await bus.close();
  });

  it('refuses a message above 1 MiB, so a batch that passes in-process also passes on NATS', async () => {
    const bus = await open();
    const big = 'x'.repeat(1024 * 1024 + 1);
    await expect(bus.publish(`${p}.big`, big)).rejects.toMatchObject({ code: 'BUS.MESSAGE_TOO_LARGE' });
    await bus.publish(`${p}.big`, 'x'.repeat(1000 * 1000));
  });

  it('rejects wildcard publish subjects and invalid durable names', async () => {
    const bus = await open();
    await expect(bus.publish(`${p}.*`, 1)).rejects.toMatchObject({ code: 'BUS.INVALID_SUBJECT' });
    await expect(bus.consume({ durable: 'a.b', subjects: `${p}.x` }, async () => {})).rejects.toMatchObject({
      code: 'BUS.INVALID_OPTIONS',
    });
  });
}
