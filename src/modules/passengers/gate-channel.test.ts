import { describe, expect, it } from 'vitest';
import { gateReasons, redClaim } from './gate-channel.ts';
import { gateLang } from './gate-reasons.ts';
import { declarationFixture } from './test-fixtures.ts';

const rule = { id: 'wr_1', on: 'document' as const, key: 'k', reason: 'x' };

describe('gate channel', () => {
  const d = declarationFixture();
  const green = { totalDutyYen: 0, requiresOfficerAssessment: false };

  it('is green only when nothing is owed, no officer is needed, every answer is no and no watch rule matches', () => {
    expect(gateReasons({ declaration: d, assessment: green })).toEqual([]);
    expect(redClaim({ declaration: d, assessment: green })).toBeUndefined();
  });

  it('names each reason with a code and parameters, in English or Japanese', () => {
    const both = { totalDutyYen: 3300, requiresOfficerAssessment: true };
    expect(gateReasons({ declaration: d, assessment: both }).map((r) => r.code)).toEqual(['GATE.DUTY_PAYABLE', 'GATE.OFFICER_ASSESSMENT']);
    expect(gateReasons({ declaration: d, assessment: both }, 'ja')[0]!.message).toBe('免税範囲を超える物品に関税等 3,300 円の納付が必要です');
    expect(gateReasons({ watchHits: [rule, rule], declaration: d, assessment: green })).toEqual([
      { code: 'GATE.WATCH_RULE', message: 'A watch rule matches the traveller (wr_1)', params: { ruleId: 'wr_1' } },
    ]);
    const yes = { ...d, answers: { ...d.answers, commercialGoodsOrSamples: true } };
    expect(gateReasons({ declaration: yes, assessment: green }, 'ja')).toEqual([
      { code: 'GATE.DECLARED_YES', message: '旅客が「商業貨物・商品サンプル」ありと申告しています', params: { question: 'commercialGoodsOrSamples' } },
    ]);
    // Watch rules never go into the pass the traveller carries.
    expect(redClaim({ declaration: yes, assessment: { totalDutyYen: 100, requiresOfficerAssessment: false } })).toEqual({
      red: ['Y2', 'D'],
      duty: 100,
    });
  });

  it('answers in Japanese only to a caller who prefers it', () => {
    expect(gateLang('ja')).toBe('ja');
    expect(gateLang('ja-JP,en;q=0.5')).toBe('ja');
    expect(gateLang('en-GB,ja;q=0.9')).toBe('en');
    expect(gateLang(undefined)).toBe('en');
    expect(gateLang('fr')).toBe('en');
  });
});

describe('gate reasons in the API catalogue', () => {
  it('read the same from the catalogue (answers worded by Accept-Language) as from the offline wording', async () => {
    const { render } = await import('../../kernel/messages/index.ts');
    const { gateReasonMessage, GATE_REASON } = await import('./gate-reasons.ts');
    const cases = [
      [GATE_REASON.dutyPayable, { totalDutyYen: 1_234_500 }],
      [GATE_REASON.officerAssessment, {}],
      [GATE_REASON.watchRule, { ruleId: 'wr_1' }],
      [GATE_REASON.declaredYes, { question: 'cashOver1MillionYen' }],
    ] as const;
    for (const [code, params] of cases) expect(render('ja', code, params)).toBe(gateReasonMessage(code, params, 'ja'));
  });
});
