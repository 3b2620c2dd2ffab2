import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import type { Decision } from './decision.ts';
import { traderView, TraderViewSchema } from './trader-view.ts';

const decision: Decision = {
  declarationId: 'dec-7',
  lane: 'red',
  reasons: [
    {
      code: 'RULE_HIT',
      text: 'Rule "switches CN" (v2): undervaluation pattern',
      source: 'rule',
      ruleId: 'r1',
      ruleVersion: 2,
      items: [0],
    },
    { code: 'UNIT_PRICE_LOW', text: 'unit price 62 % below the norm', source: 'model' },
    { code: 'CONTROL_SAMPLE', text: 'Random control sample (1 %)', source: 'control' },
  ],
  score: 0.9731,
  modelVersion: 'gbdt-2026-11-20',
  control: true,
  noModel: false,
  basis: {
    policyVersion: 'p1',
    priority: 0.9731,
    redThreshold: 0.91,
    yellowThreshold: 0.8,
    explorationProbability: 0.01,
    preLane: 'red',
    ruleHit: true,
    explored: false,
    traderAeo: false,
    aeoThinned: false,
    weight: 1,
  },
};

describe('what a trader sees of a selection', () => {
  const view = traderView(decision);
  const json = JSON.stringify(view);

  it('hides targeting reasons, rules, scores, the model and the control flag', () => {
    for (const secret of [
      'RULE_HIT',
      'undervaluation',
      'UNIT_PRICE_LOW',
      'norm',
      'CONTROL',
      'control sample',
      '0.97',
      'gbdt',
      'r1',
      'threshold',
      'priority',
    ])
      expect(json).not.toContain(secret);
    expect(Object.keys(view).sort()).toEqual(['contest', 'declarationId', 'lane', 'requested']);
    expect(Value.Check(TraderViewSchema, view)).toBe(true);
  });

  it('says what to present: goods for a red lane, documents for yellow, nothing for green', () => {
    expect(view.requested).toMatchObject({
      presentGoods: true,
      documents: ['commercial_invoice', 'packing_list', 'transport_document'],
    });
    const yellow = traderView({ ...decision, lane: 'yellow' }, { preferenceClaimed: true });
    expect(yellow.requested.presentGoods).toBe(false);
    expect(yellow.requested.documents).toContain('origin_certificate_or_statement');
    expect(traderView({ ...decision, lane: 'green' }).requested).toMatchObject({ documents: [], presentGoods: false });
  });

  it('tells how to contest a decision, in Japanese and English', () => {
    expect(view.contest.ja).toContain('再調査の請求');
    expect(view.contest.ja).toContain('審査請求');
    expect(view.contest.en).toContain('three months');
  });
});
