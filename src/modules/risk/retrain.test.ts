import { describe, expect, it } from 'vitest';
import { DomainError } from '../../kernel/index.ts';
import { syntheticItems } from './features/test-items.ts';
import { retrain, splitByTime, type LabelledItem } from './retrain.ts';

/** n declarations of one item each, a day apart, labelled by the synthetic pattern (HS 8517.62 from CN, cheap). */
function history(n: number, seed = 3): LabelledItem[] {
  const { items, labels } = syntheticItems(n, seed);
  return items.map((item, i) => ({
    declarationId: `dcl_${String(i).padStart(4, '0')}`,
    at: new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString(),
    item,
    label: labels[i] === 1 ? 1 : 0,
    control: i % 10 === 0,
  }));
}

function thrown(f: () => unknown): DomainError {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('retrain from platform findings', () => {
  it('refuses too few labels, saying how many are needed and how many there are', () => {
    const e = thrown(() => retrain(history(30)));
    expect(e.code).toBe('RISK.NOT_ENOUGH_LABELS');
    expect(e.message).toContain('at least 40 labelled items');
    expect(e.details).toMatchObject({ needed: { items: 40, positives: 5, negatives: 5 }, have: { items: 30 } });
    const oneClass = history(60).map((h) => ({ ...h, label: 0 as const }));
    expect(thrown(() => retrain(oneClass)).details).toMatchObject({ have: { positives: 0, negatives: 60 } });
  });

  it('validates on the most recent declarations and keeps the items of one declaration on one side', () => {
    const h = history(200).flatMap((x, i) => (i % 2 === 0 ? [x, { ...x, item: { ...x.item, value: x.item.value + 1 } }] : [x]));
    const shuffled = [...h].reverse();
    const { train, valid } = splitByTime(shuffled);
    const lastTrain = train.reduce((m, x) => (x.at > m ? x.at : m), '');
    expect(valid.every((x) => x.at > lastTrain)).toBe(true);
    const trainIds = new Set(train.map((x) => x.declarationId));
    expect(valid.some((x) => trainIds.has(x.declarationId))).toBe(false);
    expect(new Set(valid.map((x) => x.declarationId)).size).toBe(50);
  });

  it('learns the risky pattern and reports validation precision, AUC and the control hit rate', () => {
    const h = history(400);
    const r = retrain(h);
    expect(r.metrics['auc']).toBeGreaterThan(0.9);
    expect(r.metrics['precisionAt10']).toBeGreaterThan(0.8);
    expect(r.metrics).toMatchObject({ trainItems: 300, validItems: 100, controlInspected: 40 });
    expect(r.metrics['controlPrecision']).toBeCloseTo(h.filter((x) => x.control && x.label === 1).length / 40, 10);
    const [risky, clean] = r.model.score([
      { ...h[0]!.item, hs: '851762', origin: 'CN', departure: 'CN', netMassKg: 50, value: 1000 },
      { ...h[0]!.item, hs: '640399', origin: 'VN', departure: 'VN', netMassKg: 50, value: 5000 },
    ]);
    expect(risky!).toBeGreaterThan(clean! + 0.3);
    expect(r.model.metadata['trainedOn']).toBe('platform-findings');
  });

  it('is deterministic for a seed', () => {
    const h = history(120);
    expect(JSON.stringify(retrain(h).model.toJSON())).toBe(JSON.stringify(retrain(h).model.toJSON()));
  });
});
