/** Ranking and probability metrics on binary labels (1 = positive). */

/**
 * Area under the ROC curve = P(score of a random positive > score of a random negative), ties counting one half, so
 * it does not depend on row order. Positives' and negatives' scores are sorted apart with the native numeric sort
 * and merged in one pass: fast enough to run after every boosting iteration.
 */
export function auc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  let np = 0;
  for (let i = 0; i < scores.length; i++) if (labels[i] === 1) np++;
  const nn = scores.length - np;
  if (np === 0 || nn === 0) return Number.NaN;
  const pos = new Float64Array(np);
  const neg = new Float64Array(nn);
  let a = 0;
  let b = 0;
  for (let i = 0; i < scores.length; i++) {
    if (labels[i] === 1) pos[a++] = scores[i]!;
    else neg[b++] = scores[i]!;
  }
  pos.sort();
  neg.sort();
  // For each positive: negatives strictly below count 1, equal ones 1/2.
  let below = 0;
  let upTo = 0;
  let sum = 0;
  for (let i = 0; i < np; i++) {
    const s = pos[i]!;
    while (below < nn && neg[below]! < s) below++;
    if (upTo < below) upTo = below;
    while (upTo < nn && neg[upTo]! <= s) upTo++;
    sum += below + (upTo - below) / 2;
  }
  return sum / (np * nn);
}

/** Mean binary log-loss of raw scores (log-odds), computed stably. */
export function logLossFromRaw(raw: ArrayLike<number>, labels: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < raw.length; i++) {
    const z = raw[i]!;
    // log(1 + e^-z) for y = 1, log(1 + e^z) for y = 0
    const s = labels[i] === 1 ? -z : z;
    sum += s > 0 ? s + Math.log1p(Math.exp(-s)) : Math.log1p(Math.exp(s));
  }
  return sum / raw.length;
}

/**
 * Precision and recall when the top `share` of rows (by score, highest first) are inspected: the number inspected is
 * round(share × n). Ties at the cut are broken by row order, as an inspection queue would.
 */
export function precisionRecallAt(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  share: number,
): { precision: number; recall: number } {
  const n = scores.length;
  const k = Math.max(1, Math.round(share * n));
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
  let hits = 0;
  let total = 0;
  for (let i = 0; i < n; i++) if (labels[i] === 1) total++;
  for (let i = 0; i < k; i++) if (labels[order[i]!] === 1) hits++;
  return { precision: hits / k, recall: total === 0 ? Number.NaN : hits / total };
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
