import { parse } from 'csv-parse/sync';
import type { RiskItem } from './item.ts';

/** A labelled item of the Korean customs benchmark (Jeong et al. 2022; see the data folder's README). */
export interface LabelledItems {
  readonly ids: string[];
  readonly items: RiskItem[];
  /** 1 = fraud (the `Fraud` column), 0 = not. */
  readonly labels: Uint8Array;
}

const REQUIRED = [
  'Declaration ID', 'Date', 'Office ID', 'Process Type', 'Import Type', 'Import Use', 'Payment Type',
  'Mode of Transport', 'Declarant ID', 'Importer ID', 'Seller ID', 'Courier ID', 'HS6 Code', 'Country of Departure',
  'Country of Origin', 'Tax Rate', 'Tax Type', 'Country of Origin Indicator', 'Net Mass', 'Item Price', 'Fraud',
] as const;

export class KoreanCsvError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('; '));
    this.name = 'KoreanCsvError';
  }
}

const num = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s));

/** Parses the benchmark CSV text (header row, 22 columns). Problems are collected, not thrown one by one. */
export function parseKoreanCsv(text: string): LabelledItems {
  const rows = parse(text, { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
  const problems: string[] = [];
  const header = rows[0] ? Object.keys(rows[0]) : [];
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (rows.length === 0) problems.push('no data rows');
  if (missing.length > 0) problems.push(`missing columns: ${missing.join(', ')}`);
  if (problems.length > 0) throw new KoreanCsvError(problems);
  const ids: string[] = [];
  const items: RiskItem[] = [];
  const labels = new Uint8Array(rows.length);
  rows.forEach((r, i) => {
    const f = (c: (typeof REQUIRED)[number]): string => (r[c] ?? '').trim();
    const fraud = f('Fraud');
    if (fraud !== '0' && fraud !== '1' && problems.length < 20) problems.push(`row ${i + 2}: Fraud is "${fraud}"`);
    labels[i] = fraud === '1' ? 1 : 0;
    ids.push(f('Declaration ID'));
    items.push({
      date: f('Date'),
      office: f('Office ID'),
      processType: f('Process Type'),
      importType: f('Import Type'),
      importUse: f('Import Use'),
      paymentType: f('Payment Type'),
      transportMode: f('Mode of Transport'),
      declarant: f('Declarant ID'),
      importer: f('Importer ID'),
      seller: f('Seller ID'),
      courier: f('Courier ID'),
      // Older copies lost the leading zeros of the HS code.
      hs: f('HS6 Code').replace(/\D/g, '').padStart(6, '0'),
      departure: f('Country of Departure'),
      origin: f('Country of Origin'),
      taxRate: num(f('Tax Rate')),
      taxType: f('Tax Type'),
      originIndicator: f('Country of Origin Indicator'),
      netMassKg: num(f('Net Mass')),
      value: num(f('Item Price')),
    });
  });
  if (problems.length > 0) throw new KoreanCsvError(problems);
  return { ids, items, labels };
}
