import { RATE_COLUMNS, type RateColumn } from '../reference/index.ts';

/**
 * The agreement and GSP lists of `jp-rules/` as configuration: which countries each EPA covers from when, and the
 * (partial) GSP / LDC beneficiary lists. Parsed from the JSON objects here; read from disk in jp-rules-loader.ts.
 */
export interface AgreementParty {
  readonly iso2: string;
  readonly entryIntoForce: string;
  readonly unconfirmed: boolean;
}

export interface Agreement {
  readonly id: string;
  readonly name: string;
  readonly columns: readonly RateColumn[];
  /** RCEP: the column follows the origin party. */
  readonly columnByParty: Readonly<Record<string, RateColumn>>;
  readonly parties: readonly AgreementParty[];
}

export interface GspLists {
  readonly asOf: string;
  /** Known beneficiaries; the list is partial (kana range ア…ザ of the FY2018 notice). */
  readonly beneficiaries: ReadonlySet<string>;
  readonly beneficiariesComplete: boolean;
  /** Graduated from GSP on the given date. */
  readonly graduated: Readonly<Record<string, { readonly from: string; readonly unconfirmed: boolean }>>;
  /** LDC (特別特恵) beneficiaries; Japan's own notice was not retrieved, the UN list stands in. */
  readonly ldc: ReadonlySet<string>;
  readonly ldcUnconfirmed: boolean;
  /** Scheduled LDC graduations: the LDC rate stops on this date (unconfirmed where deferrals were asked). */
  readonly ldcUntil: Readonly<Record<string, { readonly date: string; readonly unconfirmed: boolean }>>;
}

export interface JpRules {
  readonly agreements: readonly Agreement[];
  readonly gsp: GspLists;
  /** Where the rules came from, for the output (`jp-rules/agreements.json retrieved 2026-11-23`). */
  readonly source: string;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const isColumn = (c: string): c is RateColumn => (RATE_COLUMNS as readonly string[]).includes(c);

export function parseAgreements(json: unknown): Agreement[] {
  if (!isObj(json)) throw new Error('agreements.json: not an object');
  return arr(json['agreements']).filter(isObj).map((a) => {
    const columns = arr(a['tariff_columns']).map(str).filter(isColumn);
    const columnByParty: Record<string, RateColumn> = {};
    const byParty = a['column_by_party'];
    if (isObj(byParty)) {
      for (const [col, parties] of Object.entries(byParty)) {
        if (isColumn(col)) for (const p of arr(parties)) columnByParty[str(p)] = col;
      }
    }
    return {
      id: str(a['id']),
      name: str(a['name']),
      columns,
      columnByParty,
      parties: arr(a['parties'])
        .filter(isObj)
        .map((p) => ({ iso2: str(p['iso2']), entryIntoForce: str(p['entry_into_force']), unconfirmed: p['unconfirmed'] === true })),
    };
  });
}

export function parseGsp(json: unknown): GspLists {
  if (!isObj(json)) throw new Error('gsp.json: not an object');
  const partial = isObj(json['gsp_beneficiaries_partial_2018']) ? json['gsp_beneficiaries_partial_2018'] : {};
  const ldc = isObj(json['ldc_beneficiaries']) ? json['ldc_beneficiaries'] : {};
  const graduated: Record<string, { from: string; unconfirmed: boolean }> = {};
  for (const g of arr(json['graduated']).filter(isObj)) {
    graduated[str(g['iso2'])] = { from: str(g['from']), unconfirmed: g['unconfirmed'] === true };
  }
  const ldcUntil: Record<string, { date: string; unconfirmed: boolean }> = {};
  for (const g of arr(ldc['pending_graduations']).filter(isObj)) {
    ldcUntil[str(g['iso2'])] = { date: str(g['scheduled']), unconfirmed: g['unconfirmed'] !== false };
  }
  const codes = (list: unknown): Set<string> => new Set(arr(list).filter(isObj).map((c) => str(c['iso2'])));
  return {
    asOf: str(json['retrieved']),
    beneficiaries: codes(partial['countries']),
    beneficiariesComplete: json['gsp_beneficiaries_full'] !== null && json['gsp_beneficiaries_full'] !== undefined,
    graduated,
    ldc: codes(ldc['countries']),
    ldcUnconfirmed: ldc['unconfirmed'] === true,
    ldcUntil,
  };
}
