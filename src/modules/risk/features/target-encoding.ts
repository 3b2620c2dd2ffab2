/**
 * Smoothed target encoding of a key (e.g. HS6 × origin): the share of positives among training rows with that key,
 * shrunk towards the prior by `smoothing` pseudo-rows: (positives + m·prior) / (rows + m).
 *
 * On the training rows themselves the encoding is OUT-OF-FOLD: a row in fold k gets the statistics of the other
 * folds only (and their prior), so no training row ever sees its own label — otherwise the model would learn to trust
 * an encoding that, on new data, does not contain the answer. New rows get the statistics of all training rows.
 */
export interface TargetStats {
  readonly prior: number;
  readonly smoothing: number;
  /** key → [positives, rows] over all training rows. */
  readonly stats: ReadonlyMap<string, readonly [number, number]>;
}

export function smoothed(pos: number, n: number, prior: number, m: number): number {
  return (pos + m * prior) / (n + m);
}

export function encodeWith(t: TargetStats, key: string): number {
  if (key === '') return Number.NaN;
  const s = t.stats.get(key);
  return s === undefined ? t.prior : smoothed(s[0], s[1], t.prior, t.smoothing);
}

export interface FittedTargetEncoding {
  readonly state: TargetStats;
  /** Out-of-fold values for the training rows. */
  readonly trainValues: Float64Array;
}

/**
 * @param folds fold number (0..k-1) of each training row
 */
export function fitTargetEncoding(
  keys: readonly string[],
  labels: ArrayLike<number>,
  folds: Uint8Array,
  k: number,
  smoothing: number,
): FittedTargetEncoding {
  const n = keys.length;
  const all = new Map<string, [number, number]>();
  const perFold: Map<string, [number, number]>[] = Array.from({ length: k }, () => new Map());
  const foldPos = new Float64Array(k);
  const foldN = new Float64Array(k);
  let pos = 0;
  for (let i = 0; i < n; i++) {
    const y = labels[i]!;
    const f = folds[i]!;
    pos += y;
    foldPos[f]! += y;
    foldN[f]! += 1;
    const key = keys[i]!;
    if (key === '') continue;
    bump(all, key, y);
    bump(perFold[f]!, key, y);
  }
  const trainValues = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const key = keys[i]!;
    if (key === '') {
      trainValues[i] = Number.NaN;
      continue;
    }
    const f = folds[i]!;
    const prior = (pos - foldPos[f]!) / Math.max(1, n - foldN[f]!);
    const a = all.get(key)!;
    const own = perFold[f]!.get(key)!;
    trainValues[i] = smoothed(a[0] - own[0], a[1] - own[1], prior, smoothing);
  }
  return { state: { prior: pos / n, smoothing, stats: all }, trainValues };
}

function bump(m: Map<string, [number, number]>, key: string, y: number): void {
  const s = m.get(key);
  if (s === undefined) m.set(key, [y, 1]);
  else {
    s[0] += y;
    s[1] += 1;
  }
}

/** Fold of each row: a seeded permutation dealt round-robin, so folds have equal sizes and no order effect. */
export function assignFolds(n: number, k: number, shuffle: (a: Uint32Array) => Uint32Array): Uint8Array {
  const order = shuffle(Uint32Array.from({ length: n }, (_, i) => i));
  const folds = new Uint8Array(n);
  for (let i = 0; i < n; i++) folds[order[i]!] = i % k;
  return folds;
}

/**
 * The strictly temporal alternative (CatBoost's "ordered" statistics on the time axis): a training row is encoded
 * with the rows dated strictly before it only — never its own label, never a later one. Rows of the first date have
 * no history and get NaN (missing). New rows get the statistics of all training rows, as with out-of-fold encoding.
 */
export function fitPastOnlyEncoding(
  keys: readonly string[],
  labels: ArrayLike<number>,
  dates: readonly string[],
  smoothing: number,
): FittedTargetEncoding {
  const n = keys.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) =>
    dates[a]! < dates[b]! ? -1 : dates[a]! > dates[b]! ? 1 : a - b,
  );
  const running = new Map<string, [number, number]>();
  const trainValues = new Float64Array(n);
  let pos = 0;
  let seen = 0;
  let start = 0;
  while (start < n) {
    let end = start;
    while (end < n && dates[order[end]!] === dates[order[start]!]) end++;
    for (let k = start; k < end; k++) {
      const i = order[k]!;
      const key = keys[i]!;
      if (key === '' || seen === 0) trainValues[i] = Number.NaN;
      else {
        const s = running.get(key);
        trainValues[i] = smoothed(s?.[0] ?? 0, s?.[1] ?? 0, pos / seen, smoothing);
      }
    }
    // Only now does this date's data become history for later dates.
    for (let k = start; k < end; k++) {
      const i = order[k]!;
      pos += labels[i]!;
      seen += 1;
      if (keys[i] !== '') bump(running, keys[i]!, labels[i]!);
    }
    start = end;
  }
  return { state: { prior: seen > 0 ? pos / seen : 0, smoothing, stats: running }, trainValues };
}
