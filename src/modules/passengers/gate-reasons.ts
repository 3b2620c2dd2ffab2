/**
 * The reasons a gate sends a traveller to the red channel, as codes with parameters and their wording in English and
 * Japanese. No imports: the offline verifier embeds this file with only node:crypto beside it.
 * The codes are also declared in errors.ts so that the error catalogue lists them.
 */
export const GATE_REASON = {
  dutyPayable: 'GATE.DUTY_PAYABLE',
  officerAssessment: 'GATE.OFFICER_ASSESSMENT',
  watchRule: 'GATE.WATCH_RULE',
  declaredYes: 'GATE.DECLARED_YES',
} as const;

export type GateReasonCode = (typeof GATE_REASON)[keyof typeof GATE_REASON];
export type GateLang = 'en' | 'ja';
type Params = Readonly<Record<string, string | number>>;

export interface GateReason {
  readonly code: GateReasonCode;
  readonly message: string;
  readonly params?: Params;
}

const QUESTION: Record<GateLang, Record<string, string>> = {
  en: {
    prohibitedOrRestrictedGoods: 'prohibited or restricted goods',
    goodsOverAllowance: 'goods over the duty-free allowance',
    commercialGoodsOrSamples: 'commercial goods or samples',
    goodsCarriedForOthers: 'goods carried for someone else',
    cashOver1MillionYen: 'cash or instruments over 1,000,000 yen',
    unaccompaniedBaggage: 'unaccompanied baggage',
  },
  ja: {
    prohibitedOrRestrictedGoods: '輸入が禁止・制限されている物品',
    goodsOverAllowance: '免税範囲を超える物品',
    commercialGoodsOrSamples: '商業貨物・商品サンプル',
    goodsCarriedForOthers: '他人から預かった物品',
    cashOver1MillionYen: '100万円相当額を超える現金等',
    unaccompaniedBaggage: '別送品',
  },
};

const grouped = (n: number): string => String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

const TEXT: Record<GateReasonCode, Record<GateLang, (p: Params) => string>> = {
  'GATE.DUTY_PAYABLE': {
    en: (p) => `Duty and taxes of ${grouped(Number(p['totalDutyYen'] ?? 0))} yen are payable on goods above the allowance`,
    ja: (p) => `免税範囲を超える物品に関税等 ${grouped(Number(p['totalDutyYen'] ?? 0))} 円の納付が必要です`,
  },
  'GATE.OFFICER_ASSESSMENT': {
    en: () => 'Some goods pay the general rates and must be assessed by an officer',
    ja: () => '一般税率が適用される物品があり、税関職員による税額の算定が必要です',
  },
  'GATE.WATCH_RULE': {
    en: (p) => `A watch rule matches the traveller (${String(p['ruleId'] ?? '')})`,
    ja: (p) => `旅客が注意対象ルールに該当しています（${String(p['ruleId'] ?? '')}）`,
  },
  'GATE.DECLARED_YES': {
    en: (p) => `The traveller declared ${QUESTION.en[String(p['question'])] ?? String(p['question'])}`,
    ja: (p) => `旅客が「${QUESTION.ja[String(p['question'])] ?? String(p['question'])}」ありと申告しています`,
  },
};

export const gateReasonMessage = (code: GateReasonCode, params: Params = {}, lang: GateLang = 'en'): string =>
  TEXT[code][lang](params);

export const reasonOf = (code: GateReasonCode, params: Params, lang: GateLang = 'en'): GateReason => ({
  code,
  message: gateReasonMessage(code, params, lang),
  ...(Object.keys(params).length > 0 ? { params } : {}),
});

/**
 * The signed `red` claim names each reason in one or two characters, so that the pass (and so its QR code) stays
 * small enough for a gate camera: D = duty payable, O = officer assessment, Y<n> = "yes" to question n of QUESTIONS.
 */
const QUESTIONS = [
  'prohibitedOrRestrictedGoods',
  'goodsOverAllowance',
  'commercialGoodsOrSamples',
  'goodsCarriedForOthers',
  'cashOver1MillionYen',
  'unaccompaniedBaggage',
] as const;

export const claimCodeOf = (r: GateReason): string =>
  r.code === GATE_REASON.dutyPayable
    ? 'D'
    : r.code === GATE_REASON.officerAssessment
      ? 'O'
      : r.code === GATE_REASON.declaredYes
        ? `Y${QUESTIONS.indexOf(String(r.params?.['question'] ?? '') as (typeof QUESTIONS)[number])}`
        : r.code;

/** Reasons rebuilt from a pass's signed `red` claim (offline gates, or a declaration past its retention period). */
export function reasonsFromClaim(red: readonly string[], duty: number, lang: GateLang = 'en'): GateReason[] {
  return red.flatMap((c) => {
    if (c === 'D') return [reasonOf(GATE_REASON.dutyPayable, { totalDutyYen: duty }, lang)];
    if (c === 'O') return [reasonOf(GATE_REASON.officerAssessment, {}, lang)];
    const question = /^Y(\d)$/.exec(c) ? QUESTIONS[Number(c.slice(1))] : undefined;
    if (question) return [reasonOf(GATE_REASON.declaredYes, { question }, lang)];
    // A code from a newer issuer: the verdict is still red, this gate just cannot word it.
    return [];
  });
}

/** Japanese when the caller prefers it to English, English otherwise. */
export function gateLang(header: string | string[] | undefined): GateLang {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  const q = (tag: string): number => {
    const m = text
      .toLowerCase()
      .split(',')
      .map((part) => part.trim().split(';'))
      .find(([range]) => range === tag || range?.startsWith(`${tag}-`));
    if (!m) return 0;
    const weight = m.slice(1).find((x) => x.trim().startsWith('q='));
    return weight ? Number(weight.trim().slice(2)) || 0 : 1;
  };
  return q('ja') > q('en') ? 'ja' : 'en';
}
