import { describe, expect, it } from 'vitest';
import { Decimal, truncateYen } from './money.ts';

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
