import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Declaration } from '../../modules/declarations/index.ts';
import type { Store } from './connect.ts';
import { DeclarationsRepo } from './declarations.repo.ts';
import { ExchangeRatesRepo } from './exchange-rates.repo.ts';
import { IdempotencyRepo } from './idempotency.repo.ts';
import { OutboxRelay } from './outbox.relay.ts';
import { PrincipalsRepo } from './principals.repo.ts';
import { DATASETS, waitForReference } from './reference.repo.ts';
import { outbox, referenceDatasets } from './schema.ts';

const sample = (id: string, ownerId = 'prn_a'): Declaration => ({
  id,
  kind: 'import',
  status: 'draft',
  version: 1,
  ownerId,
  lrn: `LRN-${id}`,
  data: {
    kind: 'import',
    customsOffice: '1A',
    declarant: { name: 'Declarant KK' },
    importer: { name: 'Importer KK' },
    transport: {
      mode: 'sea',
      date: '2026-11-20',
      port: 'JPTYO',
      transportDocument: { type: 'BL', number: 'BL123456' },
    },
    items: [
      {
        code9: '090111000',
        description: 'coffee',
        originCountry: 'BR',
        quantities: [{ amount: '100', unit: 'KG' }],
        invoiceValue: { amount: '1000.00', currency: 'USD' },
      },
    ],
  },
  lane: null,
  assessment: null,
  paidYen: 0,
  risk: null,
  warnings: [],
  createdAt: '',
  updatedAt: '',
});

/** One storage contract, run against PGlite and PostgreSQL alike. */
export function storeContract(
  name: string,
  open: () => Promise<Store>,
  cleanup: () => Promise<void> = async () => {},
): void {
  describe(`store contract: ${name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store?.close();
      await cleanup();
    });

    it('answers health checks', async () => {
      expect(await store.health()).toBe(true);
    });

    it('keeps current state plus an append-only history of every change', async () => {
      const repo = new DeclarationsRepo(store.db);
      await repo.create(sample('dcl_hist'), { type: 'created', actor: 'prn_a', payload: {} });
      await repo.update('dcl_hist', () => ({
        patch: { status: 'submitted' },
        event: { type: 'submitted', actor: 'prn_a', payload: {} },
      }));
      await repo.update('dcl_hist', (d) => ({
        patch: { status: 'accepted', version: d.version },
        event: { type: 'accepted', actor: 'system', payload: { n: 1 } },
      }));
      const d = await repo.get('dcl_hist');
      expect(d?.status).toBe('accepted');
      expect(d?.data.items[0]?.code9).toBe('090111000');
      const h = await repo.history('dcl_hist');
      expect(h.map((e) => [e.seq, e.type, e.actor])).toEqual([
        [1, 'created', 'prn_a'],
        [2, 'submitted', 'prn_a'],
        [3, 'accepted', 'system'],
      ]);
    });

    it('serialises concurrent changes to one declaration without losing an event', async () => {
      const repo = new DeclarationsRepo(store.db);
      await repo.create(sample('dcl_conc'), { type: 'created', actor: 'a', payload: {} });
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          repo.update('dcl_conc', (d) => ({
            patch: { version: d.version + 1 },
            event: { type: 'amended', actor: `a${i}`, payload: {} },
          })),
        ),
      );
      expect((await repo.get('dcl_conc'))?.version).toBe(9);
      expect((await repo.history('dcl_conc')).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    });

    it('keeps the yen paid apart from the assessment, so a new assessment never drops it', async () => {
      const repo = new DeclarationsRepo(store.db);
      await repo.create(sample('dcl_paid'), { type: 'created', actor: 'a', payload: {} });
      await repo.update('dcl_paid', () => ({ patch: { assessment: { totalYen: 64_700 }, paidYen: 60_000 }, event: { type: 'payment_recorded', actor: 'o', payload: {} } }));
      await repo.update('dcl_paid', (d) => ({ patch: { assessment: null, version: d.version + 1 }, event: { type: 'amended', actor: 't', payload: {} } }));
      expect(await repo.get('dcl_paid')).toMatchObject({ paidYen: 60_000, assessment: null, version: 2 });
    });

    it('writes what a change stores elsewhere in the same transaction, or nothing when it aborts', async () => {
      const repo = new DeclarationsRepo(store.db);
      await repo.create(sample('dcl_tx'), { type: 'created', actor: 'a', payload: {} });
      await expect(
        repo.update('dcl_tx', async (_d, tx) => {
          await tx.insert(outbox).values({ subject: 'customs.test.tx', msgId: 'tx:aborted', payload: {} });
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      await repo.update('dcl_tx', async (_d, tx) => {
        await tx.insert(outbox).values({ subject: 'customs.test.tx', msgId: 'tx:kept', payload: {} });
        return { patch: {}, event: { type: 'noted', actor: 'o', payload: {} } };
      });
      const ids = (await store.db.select({ msgId: outbox.msgId }).from(outbox).where(eq(outbox.subject, 'customs.test.tx'))).map((r) => r.msgId);
      expect(ids).toEqual(['tx:kept']);
    });

    it("binds principals to the parties they may declare for: their own and those that authorised them", async () => {
      const principals = new PrincipalsRepo(store.db);
      const { principal } = await principals.create({ role: 'trader', name: 'broker', partyId: 'pty_own' });
      expect([...(await principals.declarableParties(principal.id))]).toEqual(['pty_own']);
      await principals.authorise(principal.id, 'pty_client', 'prn_admin');
      await principals.authorise(principal.id, 'pty_client', 'prn_admin');
      expect([...(await principals.declarableParties(principal.id))].sort()).toEqual(['pty_client', 'pty_own']);
      expect((await principals.authorisations(principal.id)).map((a) => [a.partyId, a.grantedBy])).toEqual([['pty_client', 'prn_admin']]);
      expect(await principals.revoke(principal.id, 'pty_client')).toBe(true);
      expect(await principals.revoke(principal.id, 'pty_client')).toBe(false);
      expect([...(await principals.declarableParties(principal.id))]).toEqual(['pty_own']);
    });

    it('pages lists newest first with a cursor and filters by owner', async () => {
      const repo = new DeclarationsRepo(store.db);
      for (let i = 0; i < 5; i++)
        await repo.create(sample(`dcl_page${i}`, 'prn_pager'), { type: 'created', actor: 'x', payload: {} });
      const first = await repo.list({ ownerId: 'prn_pager', limit: 3 });
      expect(first.map((d) => d.id)).toEqual(['dcl_page4', 'dcl_page3', 'dcl_page2']);
      const last = first[2]!;
      const second = await repo.list({
        ownerId: 'prn_pager',
        limit: 3,
        cursor: { createdAt: last.createdAt, id: last.id },
      });
      expect(second.map((d) => d.id)).toEqual(['dcl_page1', 'dcl_page0']);
    });

    it('relays every outbox event to the bus once, with its message id', async () => {
      const published: string[] = [];
      const relay = new OutboxRelay(store.db, { publish: async (_s, _d, o) => void published.push(o?.msgId ?? '') });
      await relay.drain();
      expect(published).toContain('dcl_hist:3');
      const again: string[] = [];
      await new OutboxRelay(store.db, { publish: async (_s, _d, o) => void again.push(o?.msgId ?? '') }).drain();
      expect(again).toEqual([]);
    });

    it('shares the outbox between relays draining at once: each event published by one of them', async () => {
      const tx = store.db;
      const ids = Array.from({ length: 30 }, (_, i) => `share:${i}`);
      for (const id of ids)
        await tx.insert(outbox).values({ subject: 'customs.test.shared', msgId: id, payload: { id } });
      const published: string[] = [];
      const slowBus = {
        publish: async (_s: string, _d: unknown, o?: { msgId?: string }) => {
          await new Promise((r) => setTimeout(r, 2));
          published.push(o?.msgId ?? '');
        },
      };
      await Promise.all([new OutboxRelay(store.db, slowBus).drain(10), new OutboxRelay(store.db, slowBus).drain(10)]);
      expect(published.filter((m) => m.startsWith('share:')).sort()).toEqual([...ids].sort());
    });

    it('deletes published outbox rows after the retention, never unpublished ones', async () => {
      const day = 86_400_000;
      const at = (daysAgo: number): Date => new Date(Date.now() - daysAgo * day);
      await store.db.insert(outbox).values([
        { subject: 'customs.test.purge', msgId: 'purge:old', payload: {}, publishedAt: at(8) },
        { subject: 'customs.test.purge', msgId: 'purge:recent', payload: {}, publishedAt: at(6) },
        { subject: 'customs.test.purge', msgId: 'purge:pending', payload: {}, createdAt: at(30) },
      ]);
      const relay = new OutboxRelay(store.db, { publish: async () => undefined }, () => {}, { retentionMs: 7 * day });
      expect(await relay.purge()).toBe(1);
      const left = await store.db
        .select({ msgId: outbox.msgId })
        .from(outbox)
        .where(eq(outbox.subject, 'customs.test.purge'));
      expect(left.map((r) => r.msgId).sort()).toEqual(['purge:pending', 'purge:recent']);
    });

    it('replays an idempotent request and refuses the same key with another body', async () => {
      const repo = new IdempotencyRepo(store.db);
      expect(await repo.claim('p', 'k1', 'h1')).toEqual({ kind: 'new' });
      expect(await repo.claim('p', 'k1', 'h1')).toEqual({ kind: 'in_flight' });
      await repo.complete('p', 'k1', 201, { id: 'x' });
      expect(await repo.claim('p', 'k1', 'h1')).toEqual({ kind: 'replay', statusCode: 201, response: { id: 'x' } });
      expect(await repo.claim('p', 'k1', 'h2')).toEqual({ kind: 'conflict' });
      expect(await repo.claim('q', 'k1', 'h2')).toEqual({ kind: 'new' });
    });

    it('stores API keys only as hashes and authenticates them', async () => {
      const repo = new PrincipalsRepo(store.db);
      const { principal, key } = await repo.create({ role: 'trader', name: 'Trader KK' });
      expect((await repo.authenticate(key))?.id).toBe(principal.id);
      expect(await repo.authenticate(`${key}x`)).toBeUndefined();
      const rows = await store.db.query.principals.findMany();
      expect(JSON.stringify(rows)).not.toContain(key);
    });

    it('finds the exchange rate in force on a date and none outside', async () => {
      const repo = new ExchangeRatesRepo(store.db);
      await repo.upsert([
        { currency: 'USD', validFrom: '2026-11-15', validTo: '2026-11-21', rate: '151.23', source: 'test' },
      ]);
      expect(repo.rateFor('USD', '2026-11-18')?.rate).toBe('151.23');
      expect(repo.rateFor('USD', '2026-11-22')).toBeUndefined();
    });

    it('shows another process the rates one loads, once it re-reads the table', async () => {
      const loader = new ExchangeRatesRepo(store.db);
      const other = new ExchangeRatesRepo(store.db);
      await other.load();
      expect(other.rateFor('EUR', '2026-11-18')).toBeUndefined();
      const errors: unknown[] = [];
      const stop = other.refreshEvery(20, (e) => errors.push(e));
      try {
        await loader.upsert([{ currency: 'EUR', validFrom: '2026-11-15', validTo: '2026-11-21', rate: '163.5', source: 'test' }]);
        for (let i = 0; i < 100 && other.rateFor('EUR', '2026-11-18') === undefined; i++) await new Promise((r) => setTimeout(r, 10));
        expect([other.rateFor('EUR', '2026-11-18')?.rate, errors]).toEqual(['163.5', []]);
      } finally {
        stop();
      }
    });

    it('lets a process wait until the reference data is in the database, or until it is told to stop', async () => {
      await store.db.delete(referenceDatasets);
      const stopped = new AbortController();
      const waits: string[] = [];
      const gaveUp = waitForReference(store.db, { intervalMs: 10, signal: stopped.signal, onWait: () => waits.push('waiting') });
      await new Promise((r) => setTimeout(r, 30));
      stopped.abort();
      expect(await gaveUp).toBe(false);

      const ready = waitForReference(store.db, { intervalMs: 10, onWait: () => waits.push('waiting') });
      let settled = false;
      void ready.then(() => (settled = true));
      await new Promise((r) => setTimeout(r, 30));
      expect(settled).toBe(false);
      const at = new Date();
      await store.db
        .insert(referenceDatasets)
        .values(DATASETS.map((d) => ({ name: d.name, source: 'test', version: 'test', checksum: 'x', rowCount: 0, loadedAt: at })));
      expect(await ready).toBe(true);
      expect(waits).toEqual(['waiting', 'waiting']);
    });
  });
}
