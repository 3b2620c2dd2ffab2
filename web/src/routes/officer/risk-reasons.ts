import type { RiskReasonView } from '../../components/declaration-types.ts';
import type { MessageKey } from '../../i18n/index.tsx';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;
interface Field {
  readonly field: string;
  readonly value: string | number;
}

/** Reasons about the selection itself, not about the goods: shown in the selection box, written from their code. */
const SELECTION_CODES = ['RULE_HIT', 'CONTROL_SAMPLE', 'EXPLORATION', 'BUDGET_RANDOM_PICK', 'MODEL_SCORE'] as const;
const FIELD_KEYS = new Set([
  'hs2', 'hs4', 'hs6', 'hs10', 'origin', 'departure', 'transportMode', 'office', 'importer', 'declarant', 'seller', 'courier',
  'taxRate', 'taxType', 'mass', 'value', 'unitValue',
]);

const isSelectionCode = (c: string): c is (typeof SELECTION_CODES)[number] => (SELECTION_CODES as readonly string[]).includes(c);

/** The model's feature reasons of a decision (older decisions kept them only among the selection reasons). */
export function scoreReasons(reasons: readonly RiskReasonView[] | undefined, modelReasons: readonly RiskReasonView[] | undefined): readonly RiskReasonView[] {
  if (modelReasons) return modelReasons;
  return (reasons ?? []).filter((r) => r.source === 'model' && r.code !== 'NO_MODEL' && r.code !== 'MODEL_SCORE');
}

/** Why the declaration was selected: rule hits, control and exploration picks, the model's threshold; never "no model". */
export function selectionReasons(reasons: readonly RiskReasonView[] | undefined): readonly RiskReasonView[] {
  return (reasons ?? []).filter((r) => isSelectionCode(r.code));
}

function fieldsText(t: T, num: (n: number) => string, modeName: (m: string) => string, fields: unknown): string {
  if (!Array.isArray(fields) || fields.length === 0) return t('risk.reason.unitPriceAll');
  return (fields as Field[])
    .map((f) => {
      const raw = f.value;
      const v = typeof raw === 'number' ? num(raw) : f.field === 'transportMode' ? modeName(raw) : String(raw);
      return FIELD_KEYS.has(f.field) ? t(`risk.field.${f.field}` as MessageKey, { v }) : t('risk.field.other', { field: f.field, v });
    })
    .join(t('risk.field.join'));
}

/**
 * A reason in the officer's language, from its code and figures; a reason this console has no words for keeps the
 * server's (English) text rather than disappearing.
 */
export function reasonText(r: RiskReasonView, t: T, num: (n: number) => string, modeName: (m: string) => string): string {
  const p = (r.params ?? {}) as Record<string, unknown>;
  const n = (k: string): string => (typeof p[k] === 'number' ? num(p[k]) : String(p[k] ?? ''));
  const what = (): string => fieldsText(t, num, modeName, p['fields']);
  if (isSelectionCode(r.code)) {
    if (r.code === 'RULE_HIT' && p['name'] === undefined) return r.text;
    if (r.code === 'MODEL_SCORE' && p['score'] === undefined) return r.text;
    if (r.code === 'CONTROL_SAMPLE' && p['share'] === undefined) return r.text;
    return t(`risk.reason.${r.code}` as MessageKey, { name: n('name'), version: n('version'), reason: n('reason'), share: n('share'), score: n('score'), threshold: n('threshold') });
  }
  if (r.params === undefined) return r.text;
  if (r.code.startsWith('history:'))
    return Number(p['total'] ?? 0) > 0
      ? t('risk.reason.history', { what: what(), hits: n('hits'), total: n('total'), pct: n('pct') })
      : t('risk.reason.historyNone', { what: what() });
  if (r.code.startsWith('rarity:')) return t('risk.reason.rarity', { what: what(), count: n('count') });
  if (r.code.startsWith('category:')) return t('risk.reason.category', { what: what() });
  switch (r.code) {
    case 'unit-price-deviation':
      return t(p['side'] === 'above' ? 'risk.reason.unitPriceAbove' : 'risk.reason.unitPriceBelow', { pct: n('pct'), what: what() });
    case 'unit-price':
      return t('risk.reason.unitPrice', { value: n('value') });
    case 'unit-price-unknown':
      return t('risk.reason.unitPriceUnknown');
    case 'declared-value':
      return t('risk.reason.declaredValue', { value: n('value') });
    case 'net-mass':
      return t('risk.reason.netMass', { value: n('value') });
    case 'duty-rate':
      return t('risk.reason.dutyRate', { value: n('value') });
    default:
      return r.text;
  }
}
