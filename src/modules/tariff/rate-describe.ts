import type { Condition, PerUnit, Rate } from './rate-types.ts';

/** A compact English reading of a parsed rate, for notes, coverage output and review of the parser. */
export function describeRate(r: Rate): string {
  switch (r.kind) {
    case 'free':
      return 'free';
    case 'adValorem':
      return `${r.percent.toString()}%`;
    case 'specific':
      return `¥${r.yen.toString()}/${per(r.basis)}`;
    case 'sum':
      return r.parts.map(describeRate).join(' + ');
    case 'max':
    case 'min':
      return `${r.kind}(${r.options.map(describeRate).join(', ')})`;
    case 'linear':
      return `max(0, ${r.perUnitYen.toString()}×qty[${per(r.basis)}] ${sign(r.valueFactor.toString())}×value)`;
    case 'referencePrice':
      return `max(0, ${r.priceFactor.toString()}×refPrice(${r.reference})×qty[${per(r.basis)}] ${sign(r.valueFactor.toString())}×value)`;
    case 'lactoseStep':
      return `(¥${r.baseYen.toString()} + ¥${r.stepYen.toString()} per ${r.stepPercent.toString()}% lactose over ${r.thresholdPercent.toString()}%)/KG`;
    case 'sugarContent':
      return `¥${r.yenPerKg.toString()}/KG of sugar content`;
    case 'varies':
      return `varies[${r.options.map(describeRate).join(' | ')}]`;
    case 'excluded':
      return 'no concession';
    case 'seeNote':
      return `see schedule note ${r.note}`;
    case 'branches':
      return r.branches
        .map((b) => `#${b.index} ${b.otherwise ? 'otherwise ' : ''}${b.conditions.map(describeCondition).join(' & ')} → ${describeRate(b.rate)}`)
        .join('; ');
  }
}

export function describeCondition(c: Condition): string {
  switch (c.type) {
    case 'quota':
      return c.inside ? 'inside quota' : 'outside quota';
    case 'party':
      return `origin ${c.countries.join('/')}`;
    case 'season':
      return `imported ${c.from.month}/${c.from.day}–${c.to.month}/${c.to.day === 31 ? 'end' : c.to.day}`;
    case 'goods':
      return `goods: ${c.text}`;
  }
}

const per = (b: PerUnit): string => (b.per.equals(1) ? b.unit : `${b.per.toString()} ${b.unit}`);
const sign = (s: string): string => (s.startsWith('-') ? `- ${s.slice(1)}` : `+ ${s}`);
