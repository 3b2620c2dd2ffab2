import { describe, expect, it } from 'vitest';
import { runRiskBenchmark } from './benchmark.ts';
import { syntheticItems } from './features/test-items.ts';

const asLabelled = (d: ReturnType<typeof syntheticItems>): { ids: string[]; items: typeof d.items; labels: Uint8Array } => ({
  ids: d.items.map((_, i) => String(i)),
  ...d,
});
const train = asLabelled(syntheticItems(500, 21));
const valid = asLabelled(syntheticItems(300, 22));
const test = asLabelled(syntheticItems(300, 23));
const grid = [{ numLeaves: 4, minDataInLeaf: 10 }, { numLeaves: 8, minDataInLeaf: 10 }];
const budget = { numIterations: 40, earlyStoppingRounds: 10 };

describe('risk benchmark procedure', () => {
  it('makes every choice on valid: scrambling the test labels changes the figures, never the choices', () => {
    const a = runRiskBenchmark({ train, valid, test }, { seeds: 1, grid, budget });
    const scrambled = { ...test, labels: Uint8Array.from(test.labels, (y, i) => (i % 3 === 0 ? 1 - y : y)) };
    const b = runRiskBenchmark({ train, valid, test: scrambled }, { seeds: 1, grid, budget });
    const choice = (r: typeof a): unknown => r.seeds.map((s) => [s.featureSet, s.params, s.trees, s.validAuc]);
    expect(choice(b)).toEqual(choice(a));
    expect(b.figures.auc).not.toBe(a.figures.auc);
  });

  it('reports the contract figures as means over seeds, in the contract key order', () => {
    const r = runRiskBenchmark({ train, valid, test }, { seeds: 2, grid: grid.slice(0, 1), budget });
    expect(Object.keys(r.figures).slice(0, 7)).toEqual([
      'precisionAt1', 'precisionAt2', 'precisionAt5', 'precisionAt10', 'recallAt5', 'auc', 'trainSeconds',
    ]);
    const meanAuc = (r.seeds[0]!.auc + r.seeds[1]!.auc) / 2;
    expect(r.figures.auc).toBeCloseTo(meanAuc, 4);
    expect(r.figures.auc).toBeGreaterThan(0.75);
  });
});
