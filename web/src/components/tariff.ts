import type { Lang } from '../i18n/index.tsx';

/** `090111000` → `0901.11-000`, the way Japan's schedule prints a statistical code. */
/** A decimal string as declared, with thousands separators on its whole part (no float rounding of what was filed). */
export const groupDecimal = (a: string): string => a.replace(/^(\d+)/, (w) => w.replace(/\B(?=(\d{3})+(?!\d))/g, ','));

export function formatCode9(code9: string): string {
  return code9.length === 9 ? `${code9.slice(0, 4)}.${code9.slice(4, 6)}-${code9.slice(6)}` : code9;
}

const COLUMN_NAMES: Record<string, { ja: string; en: string }> = {
  rate_general: { ja: '基本税率', en: 'General rate' },
  rate_temporary: { ja: '暫定税率', en: 'Temporary rate' },
  rate_wto: { ja: 'WTO協定税率', en: 'WTO rate' },
  rate_gsp: { ja: '特恵税率', en: 'GSP rate' },
  rate_ldc: { ja: '特別特恵税率', en: 'LDC rate (GSP for least developed countries)' },
  rate_gsp_ldc: { ja: '特別特恵税率', en: 'LDC rate (GSP for least developed countries)' },
  simplified_tariff: { ja: '簡易税率', en: 'Simplified rate' },
};

/** Agreements by the id a preference is claimed under (jp-rules/agreements.json) and by their schedule column. */
const AGREEMENT_NAMES: Record<string, { ja: string; en: string }> = {
  singapore: { ja: '日シンガポールEPA', en: 'Japan–Singapore EPA' },
  mexico: { ja: '日メキシコEPA', en: 'Japan–Mexico EPA' },
  malaysia: { ja: '日マレーシアEPA', en: 'Japan–Malaysia EPA' },
  chile: { ja: '日チリEPA', en: 'Japan–Chile EPA' },
  thailand: { ja: '日タイEPA', en: 'Japan–Thailand EPA' },
  indonesia: { ja: '日インドネシアEPA', en: 'Japan–Indonesia EPA' },
  brunei: { ja: '日ブルネイEPA', en: 'Japan–Brunei EPA' },
  asean: { ja: '日ASEAN包括的経済連携協定（AJCEP）', en: 'Japan–ASEAN EPA (AJCEP)' },
  asean_ajcep: { ja: '日ASEAN包括的経済連携協定（AJCEP）', en: 'Japan–ASEAN EPA (AJCEP)' },
  philippines: { ja: '日フィリピンEPA', en: 'Japan–Philippines EPA' },
  switzerland: { ja: '日スイスEPA', en: 'Japan–Switzerland EPA' },
  vietnam: { ja: '日ベトナムEPA', en: 'Japan–Viet Nam EPA' },
  india: { ja: '日インドEPA', en: 'Japan–India CEPA' },
  peru: { ja: '日ペルーEPA', en: 'Japan–Peru EPA' },
  australia: { ja: '日オーストラリアEPA', en: 'Japan–Australia EPA' },
  mongolia: { ja: '日モンゴルEPA', en: 'Japan–Mongolia EPA' },
  cptpp: { ja: 'TPP11協定', en: 'CPTPP (TPP11)' },
  eu: { ja: '日EU・EPA', en: 'EU–Japan EPA' },
  uk: { ja: '日英EPA', en: 'UK–Japan CEPA' },
  us: { ja: '日米貿易協定', en: 'Japan–US Trade Agreement' },
  us_japan_tta: { ja: '日米貿易協定', en: 'Japan–US Trade Agreement' },
  rcep: { ja: 'RCEP協定', en: 'RCEP' },
  rcep_asean_au_nz: { ja: 'RCEP協定（ASEAN・豪州・NZ向け）', en: 'RCEP (ASEAN, Australia, New Zealand)' },
  rcep_china: { ja: 'RCEP協定（中国向け）', en: 'RCEP (China)' },
  rcep_korea: { ja: 'RCEP協定（韓国向け）', en: 'RCEP (Korea)' },
};

const l2 = (lang: Lang): 'ja' | 'en' => (lang === 'ja' ? 'ja' : 'en');

/** An agreement a preference is claimed under (`cptpp`, `us`), in words; the id itself when unknown. */
export function agreementName(id: string, lang: Lang): string {
  return AGREEMENT_NAMES[id]?.[l2(lang)] ?? id;
}

/** A schedule column (`rate_wto`, `epa_cptpp`, the search API's short `wto`, …) in words. */
export function columnName(column: string, lang: Lang): string {
  const l = l2(lang);
  const known = COLUMN_NAMES[column] ?? COLUMN_NAMES[`rate_${column}`];
  if (known) return known[l];
  const id = column.startsWith('epa_') ? column.slice(4) : column;
  const agreement = AGREEMENT_NAMES[id] ?? AGREEMENT_NAMES[id.replace(/^rcep(asean|china|korea)$/, 'rcep_$1').replace('rcep_asean', 'rcep_asean_au_nz')];
  if (agreement) return l === 'ja' ? `${agreement.ja}の税率` : `${agreement.en} rate`;
  return column;
}

/**
 * Permits and confirmations under other laws (他法令), by the code the schedule prints (`FD`, `PL`, `WA`): the law and
 * the authority that issues or checks it. Codes the data's table does not describe (`IL`, `JK`, `TK`, `WA`) are the
 * Import Trade Control Order's approvals and confirmations, which the Ministry of Economy, Trade and Industry handles.
 */
const PERMITS: Record<string, { ja: [string, string]; en: [string, string] }> = {
  FE: { ja: ['外国為替令（外為法）', '財務省'], en: ['Foreign Exchange Order (Foreign Exchange and Foreign Trade Act)', 'Ministry of Finance'] },
  IQ: { ja: ['輸入貿易管理令（輸入割当）', '経済産業省'], en: ['Import Trade Control Order: import quota', 'Ministry of Economy, Trade and Industry'] },
  IL: { ja: ['輸入貿易管理令（輸入承認）', '経済産業省'], en: ['Import Trade Control Order: import approval', 'Ministry of Economy, Trade and Industry'] },
  JK: { ja: ['輸入貿易管理令（事前確認）', '経済産業省'], en: ['Import Trade Control Order: prior confirmation', 'Ministry of Economy, Trade and Industry'] },
  TK: { ja: ['輸入貿易管理令（通関時確認）', '経済産業省'], en: ['Import Trade Control Order: confirmation at clearance', 'Ministry of Economy, Trade and Industry'] },
  WA: { ja: ['ワシントン条約（輸入貿易管理令）', '経済産業省'], en: ['Washington Convention (CITES) under the Import Trade Control Order', 'Ministry of Economy, Trade and Industry'] },
  HU: { ja: ['鳥獣保護管理法', '環境省'], en: ['Wildlife Protection, Control and Hunting Act', 'Ministry of the Environment'] },
  FS: { ja: ['銃砲刀剣類所持等取締法', '警察庁'], en: ['Firearms and Swords Control Act', 'National Police Agency'] },
  ST: { ja: ['印紙等模造取締法', '国税庁'], en: ['Act on Control of Imitation of Revenue Stamps', 'National Tax Agency'] },
  PD: { ja: ['毒物及び劇物取締法', '厚生労働省'], en: ['Poisonous and Deleterious Substances Control Act', 'Ministry of Health, Labour and Welfare'] },
  AD: { ja: ['覚醒剤取締法', '厚生労働省'], en: ['Stimulants Control Act', 'Ministry of Health, Labour and Welfare'] },
  CC: { ja: ['大麻草の栽培の規制に関する法律', '厚生労働省'], en: ['Cannabis Cultivation Regulation Act', 'Ministry of Health, Labour and Welfare'] },
  NA: { ja: ['麻薬及び向精神薬取締法', '厚生労働省'], en: ['Narcotics and Psychotropics Control Act', 'Ministry of Health, Labour and Welfare'] },
  OP: { ja: ['あへん法', '厚生労働省'], en: ['Opium Act', 'Ministry of Health, Labour and Welfare'] },
  PA: { ja: ['医薬品医療機器等法', '厚生労働省・農林水産省'], en: ['Pharmaceuticals and Medical Devices Act', 'Ministry of Health, Labour and Welfare; Ministry of Agriculture, Forestry and Fisheries'] },
  FL: { ja: ['肥料の品質の確保等に関する法律', '農林水産省'], en: ['Fertilizer Control Act', 'Ministry of Agriculture, Forestry and Fisheries'] },
  FR: { ja: ['水産資源保護法', '農林水産省'], en: ['Fishery Resources Protection Act', 'Ministry of Agriculture, Forestry and Fisheries'] },
  SP: { ja: ['砂糖及びでん粉の価格調整に関する法律', '農林水産省'], en: ['Sugar and Starch Price Adjustment Act', 'Ministry of Agriculture, Forestry and Fisheries'] },
  MA: { ja: ['畜産経営の安定に関する法律', '農林水産省'], en: ['Livestock Management Stabilization Act', 'Ministry of Agriculture, Forestry and Fisheries'] },
  FM: { ja: ['主要食糧の需給及び価格の安定に関する法律', '農林水産省'], en: ['Staple Food Act', 'Ministry of Agriculture, Forestry and Fisheries'] },
  EX: { ja: ['火薬類取締法', '経済産業省'], en: ['Explosives Control Act', 'Ministry of Economy, Trade and Industry'] },
  CR: { ja: ['化学物質の審査及び製造等の規制に関する法律（化審法）', '経済産業省'], en: ['Chemical Substances Control Act', 'Ministry of Economy, Trade and Industry'] },
  PS: { ja: ['郵便切手類模造等取締法', '総務省'], en: ['Act on Control of Imitation of Postage Stamps', 'Ministry of Internal Affairs and Communications'] },
  AM: { ja: ['アルコール事業法', '経済産業省'], en: ['Alcohol Business Act', 'Ministry of Economy, Trade and Industry'] },
  PE: { ja: ['石油の備蓄の確保等に関する法律', '資源エネルギー庁'], en: ['Petroleum Stockpiling Act', 'Agency for Natural Resources and Energy'] },
  AC: { ja: ['農薬取締法', '農林水産省'], en: ['Agricultural Chemicals Control Act', 'Ministry of Agriculture, Forestry and Fisheries'] },
  IA: { ja: ['外来生物法', '環境省'], en: ['Invasive Alien Species Act', 'Ministry of the Environment'] },
  PM: { ja: ['感染症法', '厚生労働省'], en: ['Infectious Diseases Control Act', 'Ministry of Health, Labour and Welfare'] },
  SH: { ja: ['労働安全衛生法', '厚生労働省'], en: ['Industrial Safety and Health Act', 'Ministry of Health, Labour and Welfare'] },
  FD: { ja: ['食品衛生法（食品等輸入届出）', '厚生労働省 検疫所'], en: ['Food Sanitation Act: import notification for foods', 'Ministry of Health, Labour and Welfare (quarantine stations)'] },
  PL: { ja: ['植物防疫法（植物検疫）', '農林水産省 植物防疫所'], en: ['Plant Protection Act: plant quarantine inspection', 'Ministry of Agriculture, Forestry and Fisheries (plant protection stations)'] },
  RA: { ja: ['狂犬病予防法', '農林水産省 動物検疫所'], en: ['Rabies Prevention Act', 'Ministry of Agriculture, Forestry and Fisheries (animal quarantine service)'] },
  AN: { ja: ['家畜伝染病予防法（動物検疫）', '農林水産省 動物検疫所'], en: ['Domestic Animal Infectious Diseases Control Act: animal quarantine', 'Ministry of Agriculture, Forestry and Fisheries (animal quarantine service)'] },
  GA: { ja: ['高圧ガス保安法', '経済産業省'], en: ['High Pressure Gas Safety Act', 'Ministry of Economy, Trade and Industry'] },
  SA: { ja: ['特定水産動植物等の国内流通の適正化等に関する法律', '水産庁'], en: ['Act on Proper Domestic Distribution of Specified Aquatic Animals and Plants', 'Fisheries Agency'] },
};

/** `FD` → "Food Sanitation Act: … — Ministry of Health, Labour and Welfare (…) (FD)"; the code itself when unknown. */
export function permitName(code: string, lang: Lang): string {
  const p = PERMITS[code]?.[l2(lang)];
  if (!p) return code;
  return lang === 'ja' ? `${p[0]} — ${p[1]}［${code}］` : `${p[0]} — ${p[1]} [${code}]`;
}

/**
 * A rate as printed in the (Japanese) schedule, readable in English: 無税 is "Free", 円 "yen"; the figures stay.
 * Japanese pages show the schedule's own text.
 */
export function rateText(text: string, lang: Lang): string {
  if (lang === 'ja') return text;
  return text
    .replace(/無税/g, 'Free')
    .replace(/のうちいずれか高いもの|のうちいずれか高い税率/g, ', whichever is higher')
    .replace(/のうちいずれか低いもの|のうちいずれか低い税率/g, ', whichever is lower')
    .replace(/又は/g, ' or ')
    .replace(/円/g, ' yen')
    .replace(/簡易税率/g, 'Simplified rate');
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
