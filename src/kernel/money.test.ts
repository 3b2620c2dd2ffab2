import { describe, expect, it } from 'vitest';
import { Decimal, truncateYen, yenAtRates } from './money.ts';

/** The definition: whole units of `unit`, fractions dropped towards zero, in decimal arithmetic. */
const reference = (yen: Decimal | number, unit: 1 | 100 | 1000): number =>
  new Decimal(yen).dividedToIntegerBy(unit).times(unit).toNumber() + 0; // + 0: never -0

describe('truncateYen', () => {
  it('drops what is below the unit (1,234,567 → 1,234,000 / 1,234,500 / 1,234,567)', () => {
    expect([truncateYen(1234567, 1000), truncateYen(1234567, 100), truncateYen(1234567, 1)]).toEqual([1234000, 1234500, 1234567]);
  });

  it('agrees with decimal division for whole and fractional, small, negative and huge amounts', () => {
    const values: (Decimal | number)[] = [0, 1, 99, 100, 999, 1000, 10_001, -1, -999, -1000, -1001, 2 ** 53 - 1, -(2 ** 53 - 1)];
    for (const s of ['0.5', '999.999', '1000.000001', '-0.5', '-1000.5', '123456789012345.678', '99999999999999999999.9', '-99999999999999999999.9']) {
      values.push(new Decimal(s));
    }
    for (let i = 0; i < 2000; i++) values.push(new Decimal(((i * 7919) % 100_000_000) / 1000).times(i % 2 === 0 ? 1 : -1));
    for (const v of values) {
      for (const unit of [1, 100, 1000] as const) expect(truncateYen(v, unit), `${String(v)} / ${unit}`).toBe(reference(v, unit));
    }
  });

  it('never answers negative zero', () => {
    expect(Object.is(truncateYen(-500, 1000), 0)).toBe(true);
    expect(Object.is(truncateYen(new Decimal('-0.5'), 1), 0)).toBe(true);
  });
});

describe('yenAtRates', () => {
  const byDecimal = (lines: { amount: string; rate: string }[]) => {
    let sum = new Decimal(0);
    const lineYen = lines.map((l) => {
      const y = new Decimal(l.amount).times(l.rate);
      sum = sum.plus(y);
      return y.floor().toNumber();
    });
    return { lineYen, totalYen: sum.floor().toNumber() };
  };

  it('floors each line, and the exact total once (19.99 and 0.01 at 151.23 → lines 3,023 and 1, total 3,024)', () => {
    // 19.99 × 151.23 = 3,023.0877; 0.01 × 151.23 = 1.5123; sum 3,024.6 → 3,024
    expect(yenAtRates([{ amount: '19.99', rate: '151.23' }, { amount: '0.01', rate: '151.23' }])).toEqual({ lineYen: [3023, 1], totalYen: 3024 });
    // 0.5 × 1.5 twice: lines 0 and 0, total floor(1.5) = 1
    expect(yenAtRates([{ amount: '0.5', rate: '1.5' }, { amount: '0.5', rate: '1.5' }])).toEqual({ lineYen: [0, 0], totalYen: 1 });
  });

  it('agrees with decimal arithmetic on random amounts, rates and scales, and past 2^53 through its decimal path', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const dec = (intDigits: number, fracDigits: number) =>
      `${rnd(10 ** Math.min(intDigits, 9))}${fracDigits > 0 ? `.${String(rnd(10 ** fracDigits)).padStart(fracDigits, '0')}` : ''}`;
    for (let i = 0; i < 3000; i++) {
      const lines = Array.from({ length: 1 + rnd(4) }, () => ({ amount: dec(1 + rnd(9), rnd(7)), rate: dec(1 + rnd(4), rnd(7)) }));
      expect(yenAtRates(lines), JSON.stringify(lines)).toEqual(byDecimal(lines));
    }
    const huge = [{ amount: '999999999999999.999999', rate: '999.999999' }, { amount: '123456789012345', rate: '151.23' }];
    expect(yenAtRates(huge)).toEqual(byDecimal(huge));
  });
});
