/** Ranking and probability metrics on binary labels (1 = positive). */

/** Area under the ROC curve; tied scores count one half (average ranks), so it does not depend on row order. */
export function auc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let pos = 0;
  let rankSumPos = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]!] === scores[order[i]!]) j++;
    const avgRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (labels[order[k]!] === 1) {
        pos++;
        rankSumPos += avgRank;
      }
    }
    i = j + 1;
  }
  const neg = n - pos;
  if (pos === 0 || neg === 0) return Number.NaN;
  return (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
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
