import type { MessageKey } from '../../i18n/index.tsx';

/**
 * The traveller's answers as flat keys named after the declaration's JSON paths (`traveller.familyName`,
 * `goods.other.0.unitValue.amount`), one step per page, and the builder of the personal-effects declaration of
 * src/modules/passengers/declaration.schema.ts. Pure, so the checks are tested without a browser.
 */
export type Values = Readonly<Record<string, string>>;
export interface Rows {
  readonly alcohol: number;
  readonly perfume: number;
  readonly other: number;
}
export const STEPS = ['you', 'flight', 'questions', 'goods', 'check'] as const;
export type Step = (typeof STEPS)[number];

export const ANSWERS = ['prohibitedOrRestrictedGoods', 'goodsOverAllowance', 'commercialGoodsOrSamples', 'goodsCarriedForOthers', 'cashOver1MillionYen', 'unaccompaniedBaggage'] as const;
export const ALCOHOL_KINDS = ['whisky_brandy', 'rum_gin_vodka', 'liqueur', 'shochu_other_spirits', 'wine_beer_other'] as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DEC = /^\d{1,12}(\.\d{1,6})?$/;
const INT = /^[1-9]\d{0,4}$/;

export function stepOf(key: string): Step {
  if (key.startsWith('traveller.')) return 'you';
  if (key.startsWith('flight.') || key === 'arrivalDate' || key.startsWith('familyMembers')) return 'flight';
  if (key.startsWith('answers.')) return 'questions';
  if (key.startsWith('goods.')) return 'goods';
  return 'check';
}

export function checkStep(step: Step, v: Values, rows: Rows): Map<string, MessageKey> {
  const e = new Map<string, MessageKey>();
  const s = (k: string) => (v[k] ?? '').trim();
  const need = (k: string, re?: RegExp, msg: MessageKey = 'v.format') => {
    if (!s(k)) e.set(k, 'v.required');
    else if (re && !re.test(s(k))) e.set(k, msg);
  };
  if (step === 'you') {
    need('traveller.familyName');
    need('traveller.givenNames');
    need('traveller.dateOfBirth', DATE, 'v.date');
    need('traveller.nationality', /^[A-Za-z]{3}$/, 'v.nationality');
    if (s('traveller.passportNumber') && !/^[A-Za-z0-9]{5,20}$/.test(s('traveller.passportNumber'))) e.set('traveller.passportNumber', 'v.passport');
  }
  if (step === 'flight') {
    need('flight.flightNumber', /^[A-Za-z0-9]{2}[A-Za-z]?\d{1,4}[A-Za-z]?$/, 'v.flight');
    if (s('flight.departureAirport') && !/^[A-Za-z]{3}$/.test(s('flight.departureAirport'))) e.set('flight.departureAirport', 'v.airport');
    need('arrivalDate', DATE, 'v.date');
    if (s('familyAges') && !/^\d{1,3}(\s*,\s*\d{1,3})*$/.test(s('familyAges'))) e.set('familyAges', 'v.ages');
  }
  if (step === 'questions') for (const a of ANSWERS) if (s(`answers.${a}`) !== 'yes' && s(`answers.${a}`) !== 'no') e.set(`answers.${a}`, 'v.choose');
  if (step === 'goods') {
    for (let i = 0; i < rows.alcohol; i++) {
      need(`goods.alcohol.${i}.bottles`, INT, 'v.integer');
      need(`goods.alcohol.${i}.volumeMl`, INT, 'v.integer');
    }
    if (s('goods.cigarettes') && !INT.test(s('goods.cigarettes'))) e.set('goods.cigarettes', 'v.integer');
    for (let i = 0; i < rows.perfume; i++) {
      need(`goods.perfume.${i}.ounces`, DEC, 'v.decimal');
      need(`goods.perfume.${i}.value.amount`, DEC, 'v.decimal');
    }
    for (let i = 0; i < rows.other; i++) {
      need(`goods.other.${i}.description`);
      need(`goods.other.${i}.quantity`, INT, 'v.integer');
      need(`goods.other.${i}.unitValue.amount`, DEC, 'v.decimal');
    }
  }
  return e;
}

export function buildDeclaration(v: Values, rows: Rows): Record<string, unknown> {
  const s = (k: string) => (v[k] ?? '').trim();
  const up = (k: string) => s(k).toUpperCase();
  const cur = (k: string) => up(k) || 'JPY';
  const traveller: Record<string, string> = {
    familyName: up('traveller.familyName'),
    givenNames: up('traveller.givenNames'),
    dateOfBirth: s('traveller.dateOfBirth'),
    nationality: up('traveller.nationality'),
  };
  if (s('traveller.passportNumber')) traveller['passportNumber'] = up('traveller.passportNumber');
  const ages = s('familyAges') ? s('familyAges').split(',').map((a) => Number(a.trim())) : [];
  const alcohol = Array.from({ length: rows.alcohol }, (_, i) => ({
    kind: s(`goods.alcohol.${i}.kind`) || 'wine_beer_other',
    volumeMl: Number(s(`goods.alcohol.${i}.volumeMl`)),
    bottles: Number(s(`goods.alcohol.${i}.bottles`)),
  }));
  const tobacco = s('goods.cigarettes') ? [{ kind: 'cigarettes', sticks: Number(s('goods.cigarettes')) }] : [];
  const perfume = Array.from({ length: rows.perfume }, (_, i) => ({
    kind: 'perfume',
    ounces: s(`goods.perfume.${i}.ounces`),
    value: { amount: s(`goods.perfume.${i}.value.amount`), currency: cur(`goods.perfume.${i}.value.currency`) },
  }));
  const other = Array.from({ length: rows.other }, (_, i) => ({
    description: s(`goods.other.${i}.description`),
    kind: s(`goods.other.${i}.kind`) || s(`goods.other.${i}.description`).toLowerCase(),
    quantity: Number(s(`goods.other.${i}.quantity`)),
    unitValue: { amount: s(`goods.other.${i}.unitValue.amount`), currency: cur(`goods.other.${i}.unitValue.currency`) },
  }));
  const goods: Record<string, unknown> = {};
  if (alcohol.length) goods['alcohol'] = alcohol;
  if (tobacco.length) goods['tobacco'] = tobacco;
  if (perfume.length) goods['perfume'] = perfume;
  if (other.length) goods['other'] = other;
  const answers: Record<string, boolean> = {};
  for (const a of ANSWERS) answers[a] = s(`answers.${a}`) === 'yes';
  return {
    traveller,
    flight: { flightNumber: up('flight.flightNumber'), ...(s('flight.departureAirport') ? { departureAirport: up('flight.departureAirport') } : {}), ...(s('flight.arrivalAirport') ? { arrivalAirport: up('flight.arrivalAirport') } : {}) },
    arrivalDate: s('arrivalDate'),
    ...(ages.length ? { familyMembers: ages.map((age) => ({ age })) } : {}),
    answers,
    ...(Object.keys(goods).length ? { goods } : {}),
  };
}

const FIXED_LABELS: Readonly<Record<string, MessageKey>> = {
  'traveller.familyName': 'tr.familyName',
  'traveller.givenNames': 'tr.givenNames',
  'traveller.dateOfBirth': 'tr.dob',
  'traveller.nationality': 'tr.nationality',
  'traveller.passportNumber': 'tr.passport',
  'flight.flightNumber': 'tr.flightNumber',
  'flight.departureAirport': 'tr.departure',
  arrivalDate: 'tr.arrivalDate',
  familyAges: 'tr.family',
  'goods.cigarettes': 'tr.cigarettes',
};
const ROW_LABELS: Readonly<Record<string, MessageKey>> = {
  'alcohol.kind': 'tr.alcohol.kind',
  'alcohol.bottles': 'tr.alcohol.bottles',
  'alcohol.volumeMl': 'tr.alcohol.volume',
  'perfume.ounces': 'tr.perfume.ounces',
  'perfume.value.amount': 'tr.value',
  'other.description': 'tr.other.description',
  'other.quantity': 'tr.other.quantity',
  'other.unitValue.amount': 'tr.other.unitValue',
};

/** The words of the field a problem is about, for the error summary; a row's number is given to tell rows apart. */
export function labelOf(key: string): { key: MessageKey; row?: number } | null {
  const fixed = FIXED_LABELS[key];
  if (fixed) return { key: fixed };
  if (key.startsWith('answers.')) return { key: `tr.q.${key.slice(8)}` as MessageKey };
  const m = /^goods\.(alcohol|perfume|other)\.(\d+)\.(.+)$/.exec(key);
  const row = m ? ROW_LABELS[`${m[1]}.${m[3]}`] : undefined;
  return m && row ? { key: row, row: Number(m[2]) + 1 } : null;
}
