import { describe, expect, it } from 'vitest';
import { authorityEn, lawName, nextSteps, permitsOf, type NextStepsInput } from './next-steps.ts';

const FD = { code: 'FD', law: '25. 食品衛生法', documents: '食品等輸入届出書等', ministry: '厚生労働省健康・生活衛生局食品監視安全課輸入食品安全対策室' };
const PL = { code: 'PL', law: '26. 植物防疫法', documents: '植物検査合格証等', ministry: '農林水産省消費・安全局植物防疫課' };
const coffee = [{ code: 'DECLARATION.OTHER_LAWS_PERMIT_REQUIRED', permits: [FD, PL] }];
const base: NextStepsInput = { status: 'lane_assigned', lane: 'green', owedYen: 0, paidYen: 0, warnings: [] };
const keys = (d: NextStepsInput) => nextSteps(d).steps.map((s) => s.key);

describe('what the trader has to do', () => {
  it('asks nothing of a released declaration, whatever its lane, permits or figures', () => {
    for (const lane of ['green', 'yellow', 'red'] as const) {
      const r = nextSteps({ ...base, status: 'released', lane, owedYen: 5000, warnings: coffee });
      expect(r).toEqual({ steps: [{ key: 'todo.released' }], permits: [], nothing: true, sendDocuments: false });
    }
  });

  it('says why a held declaration is held and asks for the documents, never "nothing to present"', () => {
    const r = nextSteps({ ...base, status: 'held', lane: 'green', reason: 'Send the certificate of origin' });
    expect(r.steps[0]).toEqual({ key: 'todo.held.reason', vars: { reason: 'Send the certificate of origin' } });
    expect(r.steps.map((s) => s.key)).toEqual(['todo.held.reason', 'todo.held.send']);
    expect(r.nothing).toBe(false);
    expect(r.sendDocuments).toBe(true);
    expect(keys({ ...base, status: 'held', lane: 'red', reason: '  ' })).toEqual(['todo.held', 'todo.held.send']);
  });

  it('asks for the goods on a red lane only until release', () => {
    expect(keys({ ...base, lane: 'red' })).toEqual(['todo.red']);
    expect(keys({ ...base, status: 'released', lane: 'red' })).toEqual(['todo.released']);
  });

  it('asks for the documents on a yellow lane', () => {
    expect(keys({ ...base, lane: 'yellow' })).toEqual(['todo.yellow']);
  });

  it('says "nothing to present" on a green lane only when no permit is needed and nothing is owed', () => {
    expect(nextSteps(base)).toMatchObject({ steps: [{ key: 'todo.green.nothing' }], nothing: true });
    const coffeeGreen = nextSteps({ ...base, warnings: coffee });
    expect(coffeeGreen.steps.map((s) => s.key)).toEqual(['todo.permits.green']);
    expect(coffeeGreen.permits.map((p) => p.code)).toEqual(['FD', 'PL']);
    expect(coffeeGreen.nothing).toBe(false);
  });

  it('says how much is due while it is owed, net of what was paid', () => {
    const r = nextSteps({ ...base, owedYen: 16350, paidYen: 350 });
    expect(r.steps).toEqual([{ key: 'todo.green' }, { key: 'todo.pay.release', vars: { amount: 16000 } }]);
    expect(nextSteps({ ...base, lane: 'red', owedYen: 9000 }).steps).toEqual([{ key: 'todo.red' }, { key: 'todo.pay', vars: { amount: 9000 } }]);
    expect(keys({ ...base, owedYen: 9000, paidYen: 9000 })).toEqual(['todo.green.nothing']);
    expect(keys({ ...base, status: 'held', lane: 'yellow', owedYen: 100, warnings: coffee })).toEqual(['todo.held', 'todo.held.send', 'todo.permits', 'todo.pay']);
    // Held on a green lane: paying does not release it, the officer does.
    expect(keys({ ...base, status: 'held', lane: 'green', owedYen: 100 })).toEqual(['todo.held', 'todo.held.send', 'todo.pay']);
  });

  it('lists the permits on red and yellow lanes too, after what to present', () => {
    expect(keys({ ...base, lane: 'red', warnings: coffee })).toEqual(['todo.red', 'todo.permits']);
    expect(keys({ ...base, lane: 'yellow', warnings: coffee })).toEqual(['todo.yellow', 'todo.permits']);
  });

  it('asks nothing while the declaration is being checked, except the permits it will need', () => {
    for (const status of ['submitted', 'accepted', 'assessed']) {
      expect(keys({ ...base, status, lane: null })).toEqual(['todo.pending']);
      expect(keys({ ...base, status, lane: null, warnings: coffee })).toEqual(['todo.pending', 'todo.permits']);
    }
    expect(keys({ ...base, status: 'accepted', lane: null, assessmentFailed: true })).toEqual(['todo.assessmentFailed']);
  });

  it('says why a declaration was rejected and that a new one is needed; a draft is to be completed', () => {
    expect(nextSteps({ ...base, status: 'rejected', lane: 'red', reason: 'Wrong importer', owedYen: 500 })).toEqual({
      steps: [{ key: 'todo.rejected.reason', vars: { reason: 'Wrong importer' } }, { key: 'todo.rejected.next' }],
      permits: [],
      nothing: false,
      sendDocuments: false,
    });
    expect(keys({ ...base, status: 'draft', lane: null })).toEqual(['todo.draft']);
  });

  it('names each permit once, with its law and authority', () => {
    expect(permitsOf([...coffee, { code: 'DECLARATION.OTHER_LAWS_PERMIT_REQUIRED', permits: [PL] }, { code: 'OTHER' }]).map((p) => p.code)).toEqual(['FD', 'PL']);
    expect(lawName(FD.law)).toBe('食品衛生法');
    expect(lawName('1．外国為替及び外国貿易法(1) 外国為替令')).toBe('外国為替及び外国貿易法(1) 外国為替令');
    expect(lawName('(2) 輸入貿易管理令')).toBe('輸入貿易管理令');
    expect(authorityEn(FD.ministry)).toEqual(['Ministry of Health, Labour and Welfare']);
    expect(authorityEn('厚生労働省医薬局監視指導・麻薬対策課農林水産省消費・安全局畜水産安全管理課')).toEqual(['Ministry of Health, Labour and Welfare', 'Ministry of Agriculture, Forestry and Fisheries']);
  });
});
