import { describe, expect, it } from 'vitest';
import { controlPrecision, wilson, type InspectionRecord } from './control-precision.ts';

const rec = (id: string, over: Partial<InspectionRecord>): InspectionRecord => ({
  declarationId: id,
  lane: 'red',
  control: false,
  targeted: false,
  hit: false,
  ...over,
});

describe('control-sample precision', () => {
  // Hand-made: 5 control inspections with 1 hit; 4 targeted with 3 hits; one control pick that was also targeted
  // (a hit); one pending; one green declaration that was never inspected.
  const records = [
    rec('c1', { control: true, hit: true }),
    rec('c2', { control: true }),
    rec('c3', { control: true }),
    rec('c4', { control: true }),
    rec('c5', { control: true, targeted: true, hit: true }),
    rec('t1', { targeted: true, hit: true }),
    rec('t2', { targeted: true, hit: true, lane: 'yellow' }),
    rec('t3', { targeted: true }),
    rec('t4', { targeted: true, hit: null }),
    rec('g1', { lane: 'green', control: false, hit: null }),
  ];
  const p = controlPrecision(records);

  it('is the share of hits among random-control inspections', () => {
    expect(p.control).toMatchObject({ inspected: 5, hits: 2, precision: 0.4 });
  });

  it('compares it with the share of hits among targeted inspections', () => {
    expect(p.targeted).toMatchObject({ inspected: 4, hits: 3, precision: 0.75 });
    expect(p.lift).toBeCloseTo(1.875);
  });

  it('leaves out inspections without a finding yet', () => {
    expect(p.pending).toBe(1);
  });

  it('gives a Wilson interval around the precision', () => {
    const [lo, hi] = wilson(2, 5);
    expect(lo).toBeCloseTo(0.1176, 3);
    expect(hi).toBeCloseTo(0.7693, 3);
    expect(controlPrecision([]).control).toEqual({ inspected: 0, hits: 0, precision: null, ci95: null });
  });
});
