/**
 * The learner's input: a column-major matrix of raw feature values. Numeric features are finite numbers or NaN
 * (missing); categorical features are non-negative integer codes or NaN (missing). The feature pipeline produces it.
 */
export type FeatureKind = 'numeric' | 'categorical';

export interface FeatureMatrix {
  readonly names: readonly string[];
  readonly kinds: readonly FeatureKind[];
  readonly numRows: number;
  /** One array per feature, `numRows` long. */
  readonly columns: readonly Float64Array[];
}

/** Row-major copy, the layout scoring walks fastest (one row's values are adjacent). */
export function toRowMajor(m: FeatureMatrix): Float64Array {
  const f = m.columns.length;
  const out = new Float64Array(m.numRows * f);
  for (let j = 0; j < f; j++) {
    const col = m.columns[j]!;
    for (let r = 0; r < m.numRows; r++) out[r * f + j] = col[r]!;
  }
  return out;
}

/** Keeps the named features only, in the given order (feature-set selection without re-running the pipeline). */
export function selectFeatures(m: FeatureMatrix, names: readonly string[]): FeatureMatrix {
  const idx = names.map((n) => {
    const i = m.names.indexOf(n);
    if (i < 0) throw new Error(`unknown feature ${n}`);
    return i;
  });
  return {
    names: [...names],
    kinds: idx.map((i) => m.kinds[i]!),
    numRows: m.numRows,
    columns: idx.map((i) => m.columns[i]!),
  };
}

/** Keeps the given rows (e.g. one fold). */
export function selectRows(m: FeatureMatrix, rows: ArrayLike<number>): FeatureMatrix {
  return {
    names: m.names,
    kinds: m.kinds,
    numRows: rows.length,
    columns: m.columns.map((c) => {
      const out = new Float64Array(rows.length);
      for (let i = 0; i < rows.length; i++) out[i] = c[rows[i]!]!;
      return out;
    }),
  };
}
