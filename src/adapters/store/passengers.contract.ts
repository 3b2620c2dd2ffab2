import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from './connect.ts';
import { PassengersRepo, type ArrivalRecord } from './passengers.repo.ts';

const DAY = 86_400_000;

const arrival = (over: Partial<ArrivalRecord> = {}): ArrivalRecord => ({
  flight: 'NH12',
  arrivalDate: '2026-12-01',
  data: { familyName: 'YAMADA' },
  documentKey: 'doc-key',
  channel: 'green',
  reasons: [],
  declarationId: null,
  expiresAt: new Date(Date.now() + DAY),
  ...over,
});

/** The passengers storage contract, run against PGlite and PostgreSQL alike. */
export function passengersContract(name: string, open: () => Promise<Store>, cleanup: () => Promise<void> = async () => {}): void {
  describe(`passengers store contract: ${name}`, () => {
    let store: Store;
    let repo: PassengersRepo;
    beforeAll(async () => {
      store = await open();
      repo = new PassengersRepo(store.db);
    });
    afterAll(async () => {
      await store?.close();
      await cleanup();
    });

    it('accepts a pass id once per arrival and again on another arrival', async () => {
      expect(await repo.firstUse('jti-1', 'NH12/2026-12-01')).toBe(true);
      expect(await repo.firstUse('jti-1', 'NH12/2026-12-01')).toBe(false);
      expect(await repo.firstUse('jti-1', 'NH12/2026-12-02')).toBe(true);
    });

    it('lets only one of two concurrent uses of a pass through', async () => {
      const results = await Promise.all([repo.firstUse('jti-race', 'A/1'), repo.firstUse('jti-race', 'A/1'), repo.firstUse('jti-race', 'A/1')]);
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('finds declarations by normalised flight and arrival date', async () => {
      const base = { data: {}, assessment: {}, digest: 'd', expiresAt: new Date(Date.now() + DAY) };
      await repo.addDeclaration({ ...base, id: 'pdec_1', flight: 'NH12', arrivalDate: '2026-12-01' });
      await repo.addDeclaration({ ...base, id: 'pdec_2', flight: 'NH12', arrivalDate: '2026-12-02' });
      expect((await repo.declarationsFor('NH12', '2026-12-01')).map((d) => d.id)).toEqual(['pdec_1']);
      expect((await repo.declaration('pdec_2'))?.arrivalDate).toBe('2026-12-02');
      expect(await repo.declaration('pdec_none')).toBeUndefined();
    });

    it('keeps the first value of a setting written by racing nodes', async () => {
      const [a, b] = await Promise.all([repo.settingOnce('passengers.test', { v: 'a' }), repo.settingOnce('passengers.test', { v: 'b' })]);
      expect(a).toEqual(b);
      expect(await repo.settingOnce('passengers.test', { v: 'c' })).toEqual(a);
    });

    it('stores, lists and deletes watch rules', async () => {
      await repo.addWatchRule({ id: 'wr_1', identifierKey: 'document:k1', reason: 'test', createdBy: 'prn_a' });
      expect((await repo.watchRules()).map((r) => r.identifierKey)).toContain('document:k1');
      expect(await repo.deleteWatchRule('wr_1')).toBe(true);
      expect(await repo.deleteWatchRule('wr_1')).toBe(false);
    });

    it('purges expired declarations, arrivals and old gate uses, and keeps the rest', async () => {
      const past = new Date(Date.now() - DAY);
      const base = { data: {}, assessment: {}, digest: 'd', flight: 'JL1', arrivalDate: '2026-01-01' };
      await repo.addDeclaration({ ...base, id: 'pdec_old', expiresAt: past });
      await repo.addDeclaration({ ...base, id: 'pdec_new', expiresAt: new Date(Date.now() + DAY) });
      await repo.addArrivals([arrival({ flight: 'JL1', expiresAt: past }), arrival({ flight: 'JL1' })]);
      await repo.firstUse('jti-old', 'JL1/2026-01-01');
      const counts = await repo.purge(new Date(), new Date(Date.now() + 1000));
      expect(counts.declarations).toBe(1);
      expect(counts.arrivals).toBe(1);
      expect(counts.gateUses).toBeGreaterThanOrEqual(1);
      expect(await repo.declaration('pdec_old')).toBeUndefined();
      expect(await repo.declaration('pdec_new')).toBeDefined();
      expect(await repo.arrivals({ flight: 'JL1' })).toHaveLength(1);
      expect(await repo.firstUse('jti-old', 'JL1/2026-01-01')).toBe(true);
    });
  });
}
