import type { Lang } from '../i18n/index.tsx';

/** `090111000` → `0901.11-000`, the way Japan's schedule prints a statistical code. */
export function formatCode9(code9: string): string {
  return code9.length === 9 ? `${code9.slice(0, 4)}.${code9.slice(4, 6)}-${code9.slice(6)}` : code9;
}

const COLUMN_NAMES: Record<string, { ja: string; en: string }> = {
  rate_general: { ja: '基本税率', en: 'General' },
  rate_temporary: { ja: '暫定税率', en: 'Temporary' },
  rate_wto: { ja: 'WTO協定税率', en: 'WTO' },
  rate_gsp: { ja: '特恵税率', en: 'GSP' },
  rate_ldc: { ja: '特別特恵税率', en: 'LDC' },
  simplified_tariff: { ja: '簡易税率', en: 'Simplified rate' },
};

const AGREEMENT_NAMES: Record<string, { ja: string; en: string }> = {
  cptpp: { ja: 'TPP11', en: 'CPTPP' },
  eu: { ja: '日EU', en: 'Japan–EU' },
  uk: { ja: '日英', en: 'Japan–UK' },
  us: { ja: '日米', en: 'Japan–US' },
  asean_ajcep: { ja: '日ASEAN', en: 'ASEAN (AJCEP)' },
  rcep_asean_au_nz: { ja: 'RCEP（ASEAN・豪・NZ）', en: 'RCEP (ASEAN, AU, NZ)' },
  rcep_china: { ja: 'RCEP（中国）', en: 'RCEP (China)' },
  rcep_korea: { ja: 'RCEP（韓国）', en: 'RCEP (Korea)' },
};

/** A schedule column (`rate_wto`, `epa_cptpp`, …) in words. */
export function columnName(column: string, lang: Lang): string {
  const l = lang === 'ja' ? 'ja' : 'en';
  const known = COLUMN_NAMES[column];
  if (known) return known[l];
  if (column.startsWith('epa_')) {
    const id = column.slice(4);
    const name = AGREEMENT_NAMES[id]?.[l] ?? id.replace(/_/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());
    return l === 'ja' ? `EPA ${name}` : `EPA: ${name}`;
  }
  return column;
}

const SHORT_COLUMNS = new Set(['general', 'temporary', 'wto', 'gsp', 'ldc']);

/** Rates arrive as `{column: "text"}` or `{column: {text, …}}`; both read the same; nulls and non-rates are skipped. */
export function rateEntries(rates: unknown): { column: string; text: string }[] {
  if (!rates || typeof rates !== 'object') return [];
  const out: { column: string; text: string }[] = [];
  for (const [key, v] of Object.entries(rates as Record<string, unknown>)) {
    // The search API names the columns short (`general`, `wto`); the line API by their schedule column.
    const column = SHORT_COLUMNS.has(key) ? `rate_${key}` : key;
    if (typeof v === 'string') out.push({ column, text: v });
    else if (v && typeof v === 'object' && typeof (v as { text?: unknown }).text === 'string') out.push({ column, text: (v as { text: string }).text });
  }
  return out;
}

/** Agreement ids a preference can be claimed under (jp-rules/agreements.json); '' = no claim. */
export const AGREEMENTS = ['', 'cptpp', 'eu', 'uk', 'us', 'rcep', 'asean', 'australia', 'thailand', 'vietnam', 'singapore', 'malaysia', 'indonesia', 'philippines', 'brunei', 'mexico', 'chile', 'peru', 'switzerland', 'india', 'mongolia'] as const;
