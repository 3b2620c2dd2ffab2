import { parse } from 'csv-parse/sync';
import { defineError } from '../../kernel/index.ts';
import type { LabelledItem } from './retrain.ts';
import type { RiskItem } from './features/item.ts';

/**
 * A history of past declarations with their inspection outcomes (one row per item), as another system exports it,
 * mapped onto the fields the platform fills for its own declarations (riskItems in the risk workflow), so that a
 * model trained on it scores new declarations with the same meaning. The Korean customs benchmark's header is
 * accepted as is (docs/risk-history.md).
 */
export const HistoryErrors = {
  columns: defineError('RISK.HISTORY_COLUMNS', 422, 'The history file lacks required columns or has columns it does not know'),
  empty: defineError('RISK.HISTORY_EMPTY', 422, 'The history file has no usable rows'),
  fileNotFound: defineError('RISK.HISTORY_FILE_NOT_FOUND', 422, 'The history file cannot be read'),
} as const;

type Field =
  | 'declarationId'
  | 'date'
  | 'hsCode'
  | 'origin'
  | 'outcome'
  | 'office'
  | 'transportMode'
  | 'declarant'
  | 'importer'
  | 'seller'
  | 'departure'
  | 'netMassKg'
  | 'value'
  | 'taxRate';

/** Each field: the platform's column name first, then the names other exports use for it (case and spacing ignored). */
export const HISTORY_COLUMNS: Readonly<Record<Field, { readonly names: readonly string[]; readonly required: boolean }>> = {
  declarationId: { names: ['declaration_id', 'Declaration ID'], required: true },
  date: { names: ['date', 'Date'], required: true },
  hsCode: { names: ['hs_code', 'HS6 Code', 'HS10 Code'], required: true },
  origin: { names: ['origin', 'Country of Origin'], required: true },
  outcome: { names: ['outcome', 'Fraud'], required: true },
  office: { names: ['office', 'Office ID'], required: false },
  transportMode: { names: ['transport_mode', 'Mode of Transport'], required: false },
  declarant: { names: ['declarant', 'Declarant ID'], required: false },
  importer: { names: ['importer', 'Importer ID'], required: false },
  seller: { names: ['seller', 'Seller ID'], required: false },
  departure: { names: ['departure', 'Country of Departure'], required: false },
  netMassKg: { names: ['net_mass_kg', 'Net Mass'], required: false },
  value: { names: ['value', 'Item Price'], required: false },
  taxRate: { names: ['tax_rate', 'Tax Rate'], required: false },
};

/**
 * Columns of the Korean benchmark that have no counterpart on the platform's declarations: read past, never used
 * (a model must not learn from a field that is always empty when it scores).
 */
export const IGNORED_COLUMNS: readonly string[] = [
  'Process Type', 'Import Type', 'Import Use', 'Payment Type', 'Courier ID', 'Tax Type', 'Country of Origin Indicator',
  'Critical Fraud',
];

/** Transport mode codes of the Korean declaration (10 sea, 20 rail, 30 road, 40 air, 50 post) as the platform names them. */
const TRANSPORT: Readonly<Record<string, string>> = { '10': 'sea', '20': 'rail', '30': 'road', '40': 'air', '50': 'post' };
const PLATFORM_MODES = new Set(['sea', 'air', 'road', 'rail', 'post', 'multimodal']);

const key = (name: string): string => name.trim().toLowerCase().replace(/[\s_-]+/g, ' ');

export const requiredColumns = (): string[] =>
  Object.values(HISTORY_COLUMNS).filter((c) => c.required).map((c) => c.names[0]!);
export const optionalColumns = (): string[] =>
  Object.values(HISTORY_COLUMNS).filter((c) => !c.required).map((c) => c.names[0]!);

export interface SkippedRow {
  /** Line in the file (the header is line 1). */
  readonly line: number;
  readonly code: 'OUTCOME_INVALID' | 'DATE_INVALID' | 'HS_CODE_INVALID' | 'ORIGIN_MISSING' | 'ID_MISSING' | 'NUMBER_INVALID';
  readonly column: string;
  readonly value: string;
}

export interface ParsedHistory {
  readonly items: LabelledItem[];
  readonly skipped: readonly SkippedRow[];
  /** Field → the file's column it was read from. */
  readonly mapping: Readonly<Record<string, string>>;
  readonly ignoredColumns: readonly string[];
}

export interface HistoryOptions {
  /** Yen per unit of the file's amounts (the value column); 1 when the file is in yen. */
  readonly yenPerUnit?: number;
}

const OUTCOMES: Readonly<Record<string, 0 | 1>> = {
  '1': 1, '0': 0, true: 1, false: 0, yes: 1, no: 0, discrepancy: 1, 'no discrepancy': 0, fraud: 1, clean: 0,
};

/** Reads a history CSV; columns problems are refused as a whole, bad rows are skipped and listed. */
export function parseRiskHistory(text: string, options: HistoryOptions = {}): ParsedHistory {
  const records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
  const header = records[0] ?? [];
  const byKey = new Map<string, Field>();
  for (const [field, c] of Object.entries(HISTORY_COLUMNS) as [Field, (typeof HISTORY_COLUMNS)[Field]][])
    for (const n of c.names) byKey.set(key(n), field);
  const ignoredKeys = new Set(IGNORED_COLUMNS.map(key));
  const index = new Map<Field, number>();
  const mapping: Record<string, string> = {};
  const unknown: string[] = [];
  const ignored: string[] = [];
  header.forEach((h, i) => {
    const f = byKey.get(key(h));
    if (f !== undefined && !index.has(f)) {
      index.set(f, i);
      mapping[f] = h;
    } else if (ignoredKeys.has(key(h))) ignored.push(h);
    else unknown.push(h);
  });
  const missing = (Object.entries(HISTORY_COLUMNS) as [Field, (typeof HISTORY_COLUMNS)[Field]][])
    .filter(([f, c]) => c.required && !index.has(f))
    .map(([, c]) => c.names[0]!);
  if (missing.length > 0 || unknown.length > 0) {
    const parts = [
      missing.length > 0 ? `missing required columns: ${missing.join(', ')}` : '',
      unknown.length > 0 ? `unknown columns: ${unknown.join(', ')}` : '',
    ].filter((s) => s !== '');
    throw HistoryErrors.columns(`${parts.join('; ')} (required: ${requiredColumns().join(', ')})`, {
      missing,
      unknown,
      required: requiredColumns(),
      optional: optionalColumns(),
      ignored: IGNORED_COLUMNS,
    });
  }
  const yenPerUnit = options.yenPerUnit ?? 1;
  const items: LabelledItem[] = [];
  const skipped: SkippedRow[] = [];
  for (let r = 1; r < records.length; r++) {
    const row = records[r]!;
    const get = (f: Field): string => {
      const i = index.get(f);
      return i === undefined ? '' : (row[i] ?? '').trim();
    };
    const skip = (code: SkippedRow['code'], f: Field): void => {
      skipped.push({ line: r + 1, code, column: mapping[f]!, value: get(f).slice(0, 60) });
    };
    const outcome = OUTCOMES[get('outcome').toLowerCase()];
    if (outcome === undefined) {
      skip('OUTCOME_INVALID', 'outcome');
      continue;
    }
    const id = get('declarationId');
    if (id === '') {
      skip('ID_MISSING', 'declarationId');
      continue;
    }
    const date = get('date');
    if (!/^\d{4}-\d{2}-\d{2}/.test(date) || Number.isNaN(Date.parse(date.slice(0, 10)))) {
      skip('DATE_INVALID', 'date');
      continue;
    }
    const hs = get('hsCode').replace(/[.\s]/g, '');
    if (!/^\d{4,10}$/.test(hs)) {
      skip('HS_CODE_INVALID', 'hsCode');
      continue;
    }
    const origin = get('origin').toUpperCase();
    if (!/^[A-Z]{2}$/.test(origin)) {
      skip('ORIGIN_MISSING', 'origin');
      continue;
    }
    let bad: Field | undefined;
    const num = (f: Field): number => {
      const s = get(f);
      if (s === '') return Number.NaN;
      const n = Number(s);
      if (!Number.isFinite(n) || n < 0) bad ??= f;
      return n;
    };
    const mass = num('netMassKg');
    const value = num('value');
    const taxRate = num('taxRate');
    if (bad !== undefined) {
      skip('NUMBER_INVALID', bad);
      continue;
    }
    const mode = get('transportMode');
    const item: RiskItem = {
      date: date.slice(0, 10),
      office: get('office'),
      // The platform fills these from fields a history does not carry: the same constants keep them uninformative.
      processType: '',
      importType: 'import',
      importUse: '',
      paymentType: '',
      courier: '',
      taxType: '',
      originIndicator: '',
      transportMode: TRANSPORT[mode] ?? (PLATFORM_MODES.has(mode.toLowerCase()) ? mode.toLowerCase() : mode),
      declarant: get('declarant'),
      importer: get('importer'),
      seller: get('seller'),
      // Older copies of the Korean file lost the leading zeros of six-digit codes.
      hs: hs.length === 5 ? `0${hs}` : hs,
      departure: get('departure').toUpperCase(),
      origin,
      taxRate,
      netMassKg: mass,
      value: Number.isFinite(value) ? Math.round(value * yenPerUnit) : value,
    };
    items.push({ declarationId: id, at: date.slice(0, 10), item, label: outcome, control: false });
  }
  if (items.length === 0)
    throw HistoryErrors.empty(`none of the ${records.length - 1} data rows is usable`, {
      rows: records.length - 1,
      skipped: skipped.slice(0, 20),
    });
  return { items, skipped, mapping, ignoredColumns: ignored };
}
