import { describe, expect, it } from 'vitest';
import { Decimal, scaled, scaledCompare, scaledDecimal, scaledFloor, scaledPlus, scaledSumFloor, scaledTimes, truncateYen, yenAtRates, type Scaled } from './money.ts';

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

describe('scaled decimals', () => {
  let seed = 11;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  const dec = (intDigits: number, fracDigits: number) =>
    `${rnd(10 ** Math.min(intDigits, 9))}${intDigits > 9 ? String(rnd(10 ** (intDigits - 9))).padStart(intDigits - 9, '0') : ''}${
      fracDigits > 0 ? `.${String(rnd(10 ** fracDigits)).padStart(fracDigits, '0')}` : ''
    }`;

  it('reads plain decimals exactly and refuses what does not fit below 2^53 ("151.23" → 15123 / 10^2)', () => {
    expect(scaled('151.23')).toEqual({ n: 15123, k: 2 });
    expect(scaled('0.000001')).toEqual({ n: 1, k: 6 });
    expect(scaled('999999999999999.999999')).toBeUndefined();
    expect(scaled('-1')).toBeUndefined();
    expect(scaled('1e3')).toBeUndefined();
  });

  it('reads exactly the strings the plain-decimal pattern accepts, as the pattern and Number would', () => {
    const byPattern = (s: string): Scaled | undefined => {
      const m = /^(\d{1,15})(?:\.(\d{1,6}))?$/.exec(s);
      if (!m) return undefined;
      const n = Number(m[1]! + (m[2] ?? ''));
      return Number.isSafeInteger(n) ? { n, k: (m[2] ?? '').length } : undefined;
    };
    const chars = '0123456789.-e+ /:';
    const odd = ['', '.', '1.', '.5', '1..2', '01.50', '000000000000000', '9007199254740991', '900719925474099.1', '900719925474099.2'];
    for (const s of odd) expect(scaled(s), s).toEqual(byPattern(s));
    for (let i = 0; i < 20000; i++) {
      const s = i % 2 === 0 ? dec(1 + rnd(17), rnd(8)) : Array.from({ length: rnd(12) }, () => chars[rnd(chars.length)]).join('');
      expect(scaled(s), s).toEqual(byPattern(s));
    }
  });

  it('products, floors and floored sums agree with Decimal, and give up (undefined) rather than round', () => {
    for (let i = 0; i < 5000; i++) {
      const xs = Array.from({ length: 1 + rnd(5) }, () => [dec(1 + rnd(15), rnd(7)), dec(1 + rnd(5), rnd(7))] as const);
      const exact = xs.map(([a, r]) => new Decimal(a).times(r));
      const products = xs.map(([a, r]) => {
        const [sa, sr] = [scaled(a), scaled(r)];
        if (!sa || !sr) return undefined;
        const p = scaledTimes(sa, sr);
        if (p === undefined) expect(new Decimal(sa.n).times(sr.n).greaterThanOrEqualTo(2 ** 53), `${a} × ${r}`).toBe(true);
        return p;
      });
      products.forEach((p, j) => {
        if (p !== undefined) expect(scaledFloor(p), `${xs[j]!.join(' × ')}`).toBe(exact[j]!.floor().toNumber());
      });
      if (products.includes(undefined)) continue;
      const total = scaledSumFloor(products as Scaled[]);
      if (total !== undefined) expect(total, JSON.stringify(xs)).toBe(exact.reduce((a, b) => a.plus(b)).floor().toNumber());
    }
  });

  it('stops at 2^53: the largest safe product is kept, one more is refused', () => {
    expect(scaledTimes({ n: 2 ** 52 - 1, k: 0 }, { n: 2, k: 0 })).toEqual({ n: 2 ** 53 - 2, k: 0 });
    expect(scaledTimes({ n: 2 ** 52, k: 0 }, { n: 2, k: 0 })).toBeUndefined();
    expect(scaledSumFloor([{ n: 2 ** 53 - 1, k: 0 }, { n: 1, k: 1 }])).toBeUndefined();
    expect(scaledSumFloor([{ n: 19999, k: 4 }, { n: 1, k: 4 }])).toBe(2);
  });

  it('compares and adds across scales like Decimal, refusing what would pass 2^53 once on one scale', () => {
    for (let i = 0; i < 5000; i++) {
      const x = scaled(dec(1 + rnd(15), rnd(7)));
      const y = scaled(dec(1 + rnd(15), rnd(7)));
      if (!x || !y) continue;
      const [dx, dy] = [scaledDecimal(x), scaledDecimal(y)];
      expect(dx.toFixed(x.k)).toBe(new Decimal(x.n).dividedBy(new Decimal(10).pow(x.k)).toFixed(x.k));
      const c = scaledCompare(x, y);
      if (c !== undefined) expect(c, `${dx} vs ${dy}`).toBe(dx.comparedTo(dy));
      const sum = scaledPlus(x, y);
      if (sum !== undefined) expect(scaledDecimal(sum).equals(dx.plus(dy)), `${dx} + ${dy}`).toBe(true);
      else expect(c === undefined || dx.plus(dy).times(new Decimal(10).pow(Math.max(x.k, y.k))).greaterThanOrEqualTo(2 ** 53)).toBe(true);
    }
    expect(scaledCompare({ n: 2 ** 53 - 1, k: 0 }, { n: 1, k: 1 })).toBeUndefined();
    expect(scaledCompare({ n: 5, k: 1 }, { n: 50, k: 2 })).toBe(0);
  });
});
