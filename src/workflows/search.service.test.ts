import { describe, expect, it, vi } from 'vitest';
import type { ReferenceCatalog } from '../modules/reference/index.ts';
import type { SearchIndexInput } from '../modules/search/index.ts';

const inputs = vi.hoisted(() => [] as SearchIndexInput[]);
vi.mock('../modules/search/index.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../modules/search/index.ts')>()),
  buildSearchIndex: (input: SearchIndexInput) => {
    inputs.push(input);
    return Promise.resolve({ search: () => [], stats: { lines: 0, subheadings: 0, buildMs: 0, declarations: 0 } });
  },
}));
const { SearchService } = await import('./search.service.ts');

describe('SearchService', () => {
  it('passes each HS code\'s section to the index (a material named in a query is matched by section)', async () => {
    const hsCodes = [{ code: '39', description: 'Plastics and articles thereof', parent: 'TOTAL', level: 2, section: 'VII' }];
    const catalog = { tariffRows: () => [], hsCodes: () => hsCodes } as unknown as ReferenceCatalog;
    await new SearchService(catalog).ready();
    expect(inputs[0]?.hs).toEqual([{ code: '39', description: 'Plastics and articles thereof', level: 2, section: 'VII' }]);
  });
});
