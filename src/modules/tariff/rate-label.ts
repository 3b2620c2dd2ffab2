import type { Condition, MonthDay } from './rate-types.ts';

/** Party names as the CPTPP treatments print them (`（マレーシアに対する待遇）`). */
const PARTIES: Record<string, string> = {
  マレーシア: 'MY',
  ベトナム: 'VN',
  オーストラリア: 'AU',
  カナダ: 'CA',
  ニュージーランド: 'NZ',
  チリ: 'CL',
  メキシコ: 'MX',
  ペルー: 'PE',
  シンガポール: 'SG',
  ブルネイ: 'BN',
  英国: 'GB',
};

const PARTY_RE = /\(([^()]*?)に対する待遇\)/g;
const SEASON_RE = /毎年(\d+)月(\d+)日から(?:同年|翌年)(\d+)月(\d+日|末日)までに輸入されるもの/;
/** Phrases that describe the quota, the party or the "other" branch rather than the goods. */
const NOT_GOODS = /^関税割当数量以[内外]のもの$|関税割当て$|特恵輸入対象|譲許表|附属書|^その他のもの$|^毎年/;

export interface Label {
  readonly conditions: Condition[];
  readonly otherwise: boolean;
}

/**
 * Reads the conditions a branch label states: quota (inside/outside), party, season, and whatever goods description
 * remains (which only the declarant can confirm). `その他のもの` and `他の締約国` mark the fall-through branch.
 */
export function parseLabel(label: string): Label | undefined {
  const conditions: Condition[] = [];
  let otherwise = false;

  // Several treatments in one label (`…（オーストラリアに対する待遇）及び…（カナダに対する待遇）`) mean either party.
  const countries: string[] = [];
  for (const m of label.matchAll(PARTY_RE)) {
    const names = m[1]!.split(/、|及び/).map((n) => n.trim());
    if (names.length === 1 && names[0] === '他の締約国') {
      otherwise = true;
      continue;
    }
    for (const n of names) {
      const code = PARTIES[n];
      if (code === undefined) return undefined;
      countries.push(code);
    }
  }
  if (countries.length > 0) conditions.push({ type: 'party', countries });
  const season = parseSeason(label);
  if (season) conditions.push(season);

  if (/関税割当数量以外/.test(label)) conditions.push({ type: 'quota', inside: false });
  else if (/関税割当数量以内|特恵輸入対象|関税割当て(?!以外)/.test(label)) conditions.push({ type: 'quota', inside: true });

  const rest = label.replace(PARTY_RE, '');
  const segments = rest.split(/(?<=もの|\))(?:であって|で)、/).map((x) => x.trim());
  if (segments.some((x) => x === 'その他のもの')) otherwise = true;
  const goods = segments.filter((x) => x !== '' && !NOT_GOODS.test(x));
  if (goods.length > 0) conditions.push({ type: 'goods', text: rest.trim() });
  if (conditions.length === 0 && !otherwise) return undefined;
  return { conditions, otherwise };
}

/** `毎年4月1日から同年9月30日までに輸入されるもの` (also used on the seasonal rows' descriptions). */
export function parseSeason(text: string): { type: 'season'; from: MonthDay; to: MonthDay } | undefined {
  const m = SEASON_RE.exec(text);
  if (!m) return undefined;
  const toDay = m[4] === '末日' ? 31 : Number(m[4]!.replace('日', ''));
  return {
    type: 'season',
    from: { month: Number(m[1]), day: Number(m[2]) },
    to: { month: Number(m[3]), day: toDay },
  };
}

/** Whether an ISO date (yyyy-mm-dd) falls in a month-day window, inclusive; windows may wrap the new year. */
export function inSeason(date: string, from: MonthDay, to: MonthDay): boolean {
  const md = Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));
  const f = from.month * 100 + from.day;
  const t = to.month * 100 + to.day;
  return f <= t ? md >= f && md <= t : md >= f || md <= t;
}
