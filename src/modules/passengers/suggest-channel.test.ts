import { describe, expect, it } from 'vitest';
import { assessPassenger } from './assess-passenger.ts';
import type { Assessment } from './assessment.schema.ts';
import { suggestChannel } from './suggest-channel.ts';
import { declarationFixture } from './test-fixtures.ts';
import { validateDeclaration } from './validate-declaration.ts';

const assessed = (d: ReturnType<typeof declarationFixture>): Assessment => {
  const v = validateDeclaration(d);
  const a = v.ok ? assessPassenger(v.value) : null;
  if (!a?.ok) throw new Error('fixture');
  return a.value;
};

describe('suggestChannel', () => {
  it('suggests green for a declaration within the allowances and no watch-rule hit', () => {
    const d = declarationFixture();
    expect(suggestChannel({ watchHits: [], declaration: d, assessment: assessed(d) })).toEqual({
      channel: 'green',
      reasons: [{ code: 'NOTHING_TO_DECLARE', text: 'Declaration within the allowances, no watch-rule hit' }],
    });
  });

  it('suggests red with every reason: watch rule, yes answers, duty payable', () => {
    const d = declarationFixture({
      answers: { ...declarationFixture().answers, cashOver1MillionYen: true },
      goods: { tobacco: [{ kind: 'cigarettes', sticks: 400 }] },
    });
    const s = suggestChannel({
      watchHits: [{ id: 'W1', on: 'document', key: 'k', reason: 'Reported lost' }],
      declaration: d,
      assessment: assessed(d),
    });
    expect(s.channel).toBe('red');
    expect(s.reasons.map((r) => r.code)).toEqual(['WATCH_RULE', 'ANSWERED_YES.cashOver1MillionYen', 'DUTY_PAYABLE']);
  });

  it('suggests red when no declaration matched', () => {
    expect(suggestChannel({ watchHits: [] }).reasons.map((r) => r.code)).toEqual(['NO_DECLARATION']);
  });
});
