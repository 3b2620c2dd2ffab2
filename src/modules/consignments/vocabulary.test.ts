import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirFromEnv } from '../../config.ts';
import { GOODS } from './vocabulary.ts';

describe('goods vocabulary', () => {
  it('uses only 9-digit codes that are leaf lines of the Japanese applied tariff schedule', () => {
    const csv = readFileSync(join(dataDirFromEnv(), 'jp-tariff', 'jp_tariff_schedule_2026-07-09.csv'), 'utf8');
    // code9 is the 7th column, is_leaf the 8th; the rows we look for have no quoted field before them.
    const leaves = new Set([...csv.matchAll(/^\d+,\d+,\d+,\d*,[^,\n]*,[^,\n]*,(\d{9}),1,/gm)].map((m) => m[1]));
    expect(leaves.size).toBeGreaterThan(5_000);
    expect(GOODS.filter((g) => !leaves.has(g.hsCode)).map((g) => `${g.key} ${g.hsCode}`)).toEqual([]);
  });

  it('gives every goods entry a sane price range, mass and at least one description', () => {
    for (const g of GOODS) {
      expect(g.yenPerUnit[0]).toBeGreaterThan(0);
      expect(g.yenPerUnit[1]).toBeGreaterThan(g.yenPerUnit[0]);
      expect(g.kgPerUnit).toBeGreaterThan(0);
      expect(g.descriptions.length).toBeGreaterThan(0);
    }
    expect(new Set(GOODS.map((g) => g.key)).size).toBe(GOODS.length);
  });
});
