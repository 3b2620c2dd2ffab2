import type { FeatureKind, FeatureMatrix } from './dataset.ts';
import { SeededRandom } from './random.ts';

/** Small synthetic sets for the learner's tests (kept out of the public surface). */
export function matrixOf(names: string[], kinds: FeatureKind[], rows: number[][]): FeatureMatrix {
  return {
    names,
    kinds,
    numRows: rows.length,
    columns: names.map((_, j) => Float64Array.from(rows, (r) => r[j]!)),
  };
}

/** y = 1 when x0 > 0.5, with x1, x2 pure noise. */
export function thresholdData(n: number, seed: number): { matrix: FeatureMatrix; labels: number[] } {
  const rng = new SeededRandom(seed);
  const rows: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = [rng.next(), rng.next(), rng.next()];
    rows.push(r);
    labels.push(r[0]! > 0.5 ? 1 : 0);
  }
  return { matrix: matrixOf(['x0', 'x1', 'x2'], ['numeric', 'numeric', 'numeric'], rows), labels };
}

/** A noisy mix of numeric, categorical and missing signals, for end-to-end properties. */
export function mixedData(n: number, seed: number): { matrix: FeatureMatrix; labels: number[] } {
  const rng = new SeededRandom(seed);
  const rows: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = rng.next();
    const cat = rng.int(12);
    const m = rng.next() < 0.2 ? Number.NaN : rng.next();
    const noise = rng.next();
    const z = 3 * (a - 0.5) + ([2, 5, 7].includes(cat) ? 1.5 : -0.5) + (Number.isNaN(m) ? 1 : m - 0.5);
    labels.push(rng.next() < 1 / (1 + Math.exp(-2 * z)) ? 1 : 0);
    rows.push([a, cat, m, noise]);
  }
  return {
    matrix: matrixOf(['a', 'cat', 'm', 'noise'], ['numeric', 'categorical', 'numeric', 'numeric'], rows),
    labels,
  };
}
