import { describe, expect, it } from 'vitest';
import { selectDutyFree } from './select-duty-free.ts';

describe('selectDutyFree', () => {
  it('exempts the combination that saves the most tax, not the first articles that fit', () => {
    // Capacity 200,000. Greedy by density picks A (worth 20,000 / 150,000 = 0.133) then nothing else fits
    // (B and C are 100,000 each); the exact answer B + C saves 2 × 15,000 = 30,000 > 20,000.
    const items = [
      { valueYen: 150_000, worth: 20_000 },
      { valueYen: 100_000, worth: 13_000 },
      { valueYen: 100_000, worth: 13_000 },
    ];
    const exact = selectDutyFree(items, 200_000, 22);
    expect(exact.method).toBe('exact');
    expect([...exact.chosen].sort()).toEqual([1, 2]);
    const greedy = selectDutyFree(items, 200_000, 0);
    expect(greedy.method).toBe('greedy');
    expect([...greedy.chosen]).toEqual([0]);
  });

  it('among equal savings exempts more value', () => {
    const items = [
      { valueYen: 50_000, worth: 0 },
      { valueYen: 60_000, worth: 0 },
    ];
    expect([...selectDutyFree(items, 100_000, 22).chosen]).toEqual([1]);
  });

  it('stops an exhaustive search at its node budget and says the answer is not proven optimal', () => {
    const items = Array.from({ length: 30 }, () => ({ valueYen: 30_000, worth: 2_700 }));
    const r = selectDutyFree(items, 200_000, 30, 1_000);
    expect(r.method).toBe('greedy');
    // Six 30,000-yen articles fit in 200,000 either way.
    expect(r.chosen.size).toBe(6);
    expect(selectDutyFree(items.slice(0, 8), 200_000, 30).method).toBe('exact');
  });

  it('matches brute force on random small lists', () => {
    let seed = 42;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let t = 0; t < 200; t++) {
      const items = Array.from({ length: 1 + rnd(10) }, () => {
        const valueYen = 1_000 + rnd(150_000);
        return { valueYen, worth: Math.floor((valueYen * (rnd(3) === 0 ? 10 : 9)) / 100) };
      });
      let bestWorth = 0;
      for (let mask = 0; mask < 1 << items.length; mask++) {
        let v = 0;
        let w = 0;
        items.forEach((c, i) => {
          if (mask & (1 << i)) {
            v += c.valueYen;
            w += c.worth;
          }
        });
        if (v <= 200_000 && w > bestWorth) bestWorth = w;
      }
      const got = [...selectDutyFree(items, 200_000, 22).chosen];
      expect(got.reduce((s, i) => s + items[i]!.valueYen, 0)).toBeLessThanOrEqual(200_000);
      expect(got.reduce((s, i) => s + items[i]!.worth, 0)).toBe(bestWorth);
    }
  });
});
