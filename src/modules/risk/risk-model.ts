import { sigmoid } from './gbdt/metrics.ts';
import { GBDT_FORMAT, GbdtModel, type GbdtModelJson } from './gbdt/model.ts';
import type { RiskItem } from './features/item.ts';
import { transformRows, type FeaturePipeline } from './features/pipeline.ts';
import { pipelineFromJson, pipelineToJson, type FeaturePipelineJson } from './features/pipeline-json.ts';
import { topReasons, type Reason } from './features/reasons.ts';
import { ModelErrors } from './errors.ts';

export const RISK_MODEL_FORMAT = 'smart-customs.risk-model';
export const RISK_MODEL_VERSION = 1;

/** Doubles of feature rows a model keeps between calls (1 MB: chunks of up to ~2,000 items). */
const MAX_KEPT_ROWS = 1 << 17;

/** The saved model: feature pipeline + trees + what it was measured at. One JSON file, versioned. */
export interface RiskModelJson {
  readonly format: typeof RISK_MODEL_FORMAT;
  readonly version: number;
  readonly metadata: Readonly<Record<string, string | number | boolean>>;
  readonly pipeline: FeaturePipelineJson;
  readonly gbdt: GbdtModelJson;
}

export interface ItemExplanation {
  /** Probability of a discrepancy. */
  readonly score: number;
  readonly raw: number;
  readonly expectedValue: number;
  readonly reasons: readonly Reason[];
  /** Every feature's contribution to the raw score, largest magnitude first. */
  readonly contributions: readonly { readonly feature: string; readonly value: number }[];
}

/** Scores risk items end to end: features from the fitted pipeline, then the trees (which may use a subset of them). */
export class RiskModel {
  private readonly featureNames: readonly string[];
  /** Per tree feature, its index in the pipeline's features; -1 for one no split reads (never computed). */
  private readonly featureIndex: readonly number[];

  constructor(
    readonly pipeline: FeaturePipeline,
    readonly gbdt: GbdtModel,
    readonly metadata: Readonly<Record<string, string | number | boolean>> = {},
  ) {
    this.featureNames = gbdt.features.map((f) => f.name);
    const missing = this.featureNames.filter((n) => !pipeline.names.includes(n));
    if (missing.length > 0) throw ModelErrors.modelFormat(`the trees use features the pipeline lacks: ${missing.join(', ')}`);
    const used = new Set(gbdt.toJSON().trees.flatMap((t) => t.splitFeature));
    this.featureIndex = this.featureNames.map((n, j) => (used.has(j) ? pipeline.names.indexOf(n) : -1));
  }

  /**
   * The feature rows of the last call, kept for the next: a chunk's rows are a few hundred kB, which as a new
   * array each time is memory outside the heap that the collector must be pushed to reclaim.
   */
  private rowBuffer: Float64Array = new Float64Array(0);

  private rows(items: readonly RiskItem[]): Float64Array {
    const x = transformRows(this.pipeline, items, this.featureIndex, this.rowBuffer);
    if (x !== this.rowBuffer && x.length <= MAX_KEPT_ROWS) this.rowBuffer = x;
    return x;
  }

  /** Probabilities, in item order. */
  score(items: readonly RiskItem[]): Float64Array {
    const raw = this.gbdt.predictRawRowMajor(this.rows(items), items.length);
    for (let i = 0; i < raw.length; i++) raw[i] = sigmoid(raw[i]!);
    return raw;
  }

  explain(item: RiskItem, maxReasons = 3): ItemExplanation {
    const e = this.gbdt.explain(this.rows([item]));
    const names = this.featureNames;
    let sorted: ItemExplanation['contributions'] | undefined;
    return {
      score: sigmoid(e.raw),
      raw: e.raw,
      expectedValue: e.expectedValue,
      reasons: topReasons(this.pipeline, item, names, e.contributions, maxReasons),
      // Built when read: clearance reads only the reasons.
      get contributions() {
        return (sorted ??= names.map((feature, i) => ({ feature, value: e.contributions[i]! })).sort((a, b) => Math.abs(b.value) - Math.abs(a.value)));
      },
    };
  }

  toJSON(): RiskModelJson {
    return {
      format: RISK_MODEL_FORMAT,
      version: RISK_MODEL_VERSION,
      metadata: this.metadata,
      pipeline: pipelineToJson(this.pipeline),
      gbdt: this.gbdt.toJSON(),
    };
  }

  /** Reads a saved model; a file of another format or a newer version is refused with RISK.MODEL_FORMAT_INVALID. */
  static fromJSON(json: unknown): RiskModel {
    const j = json as Partial<RiskModelJson> | null;
    if (j === null || typeof j !== 'object' || j.format !== RISK_MODEL_FORMAT) {
      throw ModelErrors.modelFormat(`expected format "${RISK_MODEL_FORMAT}"`);
    }
    if (j.version !== RISK_MODEL_VERSION) throw ModelErrors.modelFormat(`unsupported version ${String(j.version)}`);
    const g = j.gbdt;
    if (!g || g.format !== GBDT_FORMAT || g.version !== 1 || !Array.isArray(g.trees) || !j.pipeline) {
      throw ModelErrors.modelFormat('the trees or the pipeline are missing or of an unknown version');
    }
    const gbdt = new GbdtModel(g.features, g.initScore, g.trees, g.params, g.bestIteration);
    return new RiskModel(pipelineFromJson(j.pipeline), gbdt, j.metadata ?? {});
  }
}
