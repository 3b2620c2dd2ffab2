import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from './connect.ts';
import { SearchReferencesRepo } from './search-references.repo.ts';

/** The search-reference store, the same on PGlite and PostgreSQL. */
export function searchReferencesContract(name: string, open: () => Promise<Store>, cleanup?: () => Promise<void>): void {
  describe(`search references on ${name}`, () => {
    let store: Store;
    let repo: SearchReferencesRepo;
    beforeAll(async () => {
      store = await open();
      repo = new SearchReferencesRepo(store.db);
    });
    afterAll(async () => {
      await store?.close();
      await cleanup?.();
    });

    it('stores a reference with who wrote it, and replaces it when the same term (by key) is written again', async () => {
      const first = await repo.put({ term: 'aa battery', codes: ['8506'], note: 'depends on the type' }, 'p_officer');
      expect([first.term, first.codes, first.note, first.updatedBy]).toEqual(['aa battery', ['8506'], 'depends on the type', 'p_officer']);
      expect(Number.isNaN(Date.parse(first.updatedAt))).toBe(false);
      const second = await repo.put({ term: 'AA Batteries', codes: ['8506', '8507'], note: null }, 'p_admin');
      expect(await repo.all()).toEqual([second]);
      expect([second.term, second.codes, second.note, second.updatedBy]).toEqual(['AA Batteries', ['8506', '8507'], null, 'p_admin']);
    });

    it('pages through the references by term, with the total', async () => {
      for (const term of ['zip', 'bolt', 'cable']) await repo.put({ term, codes: ['39'], note: null }, 'p');
      const page = await repo.page(1, 2);
      expect([page.items.map((r) => r.term), page.total]).toEqual([['bolt', 'cable'], 4]);
      expect((await repo.page(4, 2)).items).toEqual([]);
    });

    it('removes a reference by any spelling of its term, and says when there was none', async () => {
      expect(await repo.remove('aa battery')).toBe(true);
      expect(await repo.remove('aa battery')).toBe(false);
      expect((await repo.all()).map((r) => r.term)).toEqual(['bolt', 'cable', 'zip']);
    });
  });
}
