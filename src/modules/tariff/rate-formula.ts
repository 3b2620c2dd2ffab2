import { Decimal } from '../../kernel/index.ts';
import type { PerUnit, Rate } from './rate-types.ts';

export const num = (s: string): Decimal => new Decimal(s.replace(/,/g, ''));

const ONE_KG: PerUnit = { unit: 'KG', per: new Decimal(1) };
const ONE_HEAD: PerUnit = { unit: 'NO', per: new Decimal(1) };

/** A linear form `c + v × 課税価格` (課税価格 = taxable value per unit). */
interface Lin {
  readonly c: Decimal;
  readonly v: Decimal;
}

/**
 * Differential-duty formulas (`(524円−課税価格)/kg`, `401.65円/kg-課税価格/kg`, `（20,400.55円×1.037-課税価格）/頭`,
 * `（（課税価格×（1.007-51.46/897.59）＋51.46円）-課税価格）/kg`, `((500円-課税価格)×2/11)/kg`). They are all linear
 * in the value per unit, so they reduce to one `linear` rate; anything else (a product of two values…) is rejected.
 */
export function parseFormula(s: string): Rate | undefined {
  const units = new Set([...s.matchAll(/\/(kg|頭)/g)].map((m) => m[1]));
  if (units.size !== 1) return undefined;
  const basis = units.has('kg') ? ONE_KG : ONE_HEAD;
  const tokens = tokenize(s.replace(/\/(kg|頭)/g, '').replace(/円/g, ''));
  if (!tokens) return undefined;
  const p = new LinearParser(tokens);
  const lin = p.expr();
  if (!lin || !p.done()) return undefined;
  return { kind: 'linear', perUnitYen: lin.c, valueFactor: lin.v, basis };
}

function tokenize(s: string): string[] | undefined {
  const re = /\s*(\d[\d,]*(?:\.\d+)?|課税価格|[-+×*/()])/y;
  const out: string[] = [];
  let m: RegExpExecArray | null;
  while (re.lastIndex < s.length && (m = re.exec(s))) out.push(m[1]!);
  return re.lastIndex === s.length || s.slice(re.lastIndex).trim() === '' ? out : undefined;
}

class LinearParser {
  private i = 0;
  constructor(private readonly t: readonly string[]) {}
  done(): boolean {
    return this.i === this.t.length;
  }
  expr(): Lin | undefined {
    let a = this.term();
    while (a && (this.t[this.i] === '+' || this.t[this.i] === '-')) {
      const op = this.t[this.i++];
      const b = this.term();
      if (!b) return undefined;
      a = op === '+' ? { c: a.c.plus(b.c), v: a.v.plus(b.v) } : { c: a.c.minus(b.c), v: a.v.minus(b.v) };
    }
    return a;
  }
  private term(): Lin | undefined {
    let a = this.factor();
    while (a && (this.t[this.i] === '×' || this.t[this.i] === '*' || this.t[this.i] === '/')) {
      const op = this.t[this.i++];
      const b = this.factor();
      if (!b) return undefined;
      if (op === '/') {
        if (!b.v.isZero() || b.c.isZero()) return undefined;
        a = { c: a.c.dividedBy(b.c), v: a.v.dividedBy(b.c) };
      } else if (b.v.isZero()) a = { c: a.c.times(b.c), v: a.v.times(b.c) };
      else if (a.v.isZero()) a = { c: b.c.times(a.c), v: b.v.times(a.c) };
      else return undefined;
    }
    return a;
  }
  private factor(): Lin | undefined {
    const tok = this.t[this.i++];
    if (tok === undefined) return undefined;
    if (tok === '(') {
      const e = this.expr();
      return this.t[this.i++] === ')' ? e : undefined;
    }
    if (tok === '-') {
      const f = this.factor();
      return f ? { c: f.c.negated(), v: f.v.negated() } : undefined;
    }
    if (tok === '課税価格') return { c: new Decimal(0), v: new Decimal(1) };
    if (/^\d/.test(tok)) return { c: num(tok), v: new Decimal(0) };
    return undefined;
  }
}

const NUM = String.raw`(\d[\d,]*(?:\.\d+)?)`;
const LACTOSE = new RegExp(
  `^1キログラムにつき、?${NUM}円に重量比による乳糖の含有率が${NUM}%を超える${NUM}%ごとに${NUM}円を加えた額$`,
);
const GATE = new RegExp(
  `^1(キログラム|頭)につき、?(.+?)に係る基準輸入価格(?:に${NUM}を乗じて得た額)?と課税価格(?:に${NUM}を乗じて得た額)?との差額$`,
);
const SUGAR = new RegExp(`^(?:当該)?原産品に含まれる砂糖の重量1(?:キログラム|kg)につき${NUM}円$`);

/** Rates written as sentences: lactose steps, gate prices (基準輸入価格), sugar content. */
export function parseSentence(s: string): Rate | undefined {
  const l = LACTOSE.exec(s);
  if (l) {
    return {
      kind: 'lactoseStep',
      baseYen: num(l[1]!),
      thresholdPercent: num(l[2]!),
      stepPercent: num(l[3]!),
      stepYen: num(l[4]!),
    };
  }
  const g = GATE.exec(s);
  if (g) {
    return {
      kind: 'referencePrice',
      reference: g[2]!,
      priceFactor: g[3] ? num(g[3]) : new Decimal(1),
      valueFactor: (g[4] ? num(g[4]) : new Decimal(1)).negated(),
      basis: g[1] === '頭' ? ONE_HEAD : ONE_KG,
    };
  }
  const sugar = SUGAR.exec(s);
  if (sugar) return { kind: 'sugarContent', yenPerKg: num(sugar[1]!) };
  return undefined;
}
