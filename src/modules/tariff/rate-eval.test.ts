import { describe, expect, it } from 'vitest';
import { Decimal } from '../../kernel/index.ts';
import { evaluateRate, yenFloor, yenIsZero, yenLess, type EvalInput, type EvalResult } from './rate-eval.ts';
import { parseCell } from './rate-parser.ts';

const base: EvalInput = {
  valueYen: new Decimal(100000),
  quantity: (unit) => (unit === 'KG' ? new Decimal(100) : undefined),
  referencePrice: () => undefined,
  origin: 'AU',
  date: '2026-11-23',
  quota: undefined,
  branch: undefined,
};
function run(text: string, input: Partial<EvalInput> = {}): EvalResult {
  const cell = parseCell(text);
  if (!cell) throw new Error(`unparsed ${text}`);
  return evaluateRate(cell.rate, { ...base, ...input });
}
const yen = (r: EvalResult): string => (r.status === 'ok' ? r.yen.toString() : r.status);
const codes = (r: EvalResult): string[] => (r.status === 'needs' ? [] : r.notes.map((n) => n.code));

describe('rate evaluation', () => {
  it('quota branches: inside only with quota "inside"; unknown status counts as outside and says a quota rate exists', () => {
    const cell = '関税割当数量以内のもの　無税\n関税割当数量以外のもの　21.30円/kg';
    expect(yen(run(cell, { quota: 'inside' }))).toBe('0');
    expect(yen(run(cell, { quota: 'outside' }))).toBe('2130'); // 21.30 × 100 kg
    const unknown = run(cell);
    expect(yen(unknown)).toBe('2130');
    expect(codes(unknown)).toContain('QUOTA_RATE_AVAILABLE');
    expect(run('関税割当数量以内のもの　30.8%').status).toBe('unavailable');
  });

  it('party treatments follow the origin, others fall through to 他の締約国', () => {
    const cell = '（マレーシアに対する待遇）　5%\n（他の締約国に対する待遇）　1.8%';
    expect(yen(run(cell, { origin: 'MY' }))).toBe('5000');
    expect(yen(run(cell, { origin: 'AU' }))).toBe('1800');
    expect(run('（オーストラリア及びニュージーランドに対する待遇）　無税', { origin: 'CA' }).status).toBe('unavailable');
  });

  it('seasonal branches follow the import date, also across the new year', () => {
    const cell = '毎年11月1日から翌年2月末日までに輸入されるもの　無税';
    expect(yen(run(cell, { date: '2027-02-28' }))).toBe('0');
    expect(yen(run(cell, { date: '2026-11-01' }))).toBe('0');
    expect(run(cell, { date: '2026-03-01' }).status).toBe('unavailable');
  });

  it('goods branches: the declared branch, else the highest possible with a note, else unavailable', () => {
    const cell = 'くらげ　3.2%\nその他のもの　4.4%';
    expect(yen(run(cell, { branch: 1 }))).toBe('3200');
    const assumed = run(cell);
    expect(yen(assumed)).toBe('4400');
    expect(codes(assumed)).toContain('RATE_BRANCH_ASSUMED');
    expect(run('くらげ　無税').status).toBe('unavailable');
    expect(yen(run('くらげ　無税', { branch: 1 }))).toBe('0');
  });

  it('ranges use the highest rate with a note; a partial non-concession or a note-only cell is unavailable', () => {
    const r = run('●無税〜3.5%');
    expect(yen(r)).toBe('3500');
    expect(codes(r)).toContain('RATE_VARIES');
    expect(run('●2.2%又は非譲許').status).toBe('unavailable');
    expect(run('◆11').status).toBe('unavailable');
  });

  it('whichever-lower with a floor: max(min(21.3 % × 100,000, 156.80 × 100 l), 93 × 100 l) = 15,680', () => {
    const wine = '21.3%又は156.80円/lのうちいずれか低い税率\nただしその税率が93円/lを下回る場合は93円/l';
    expect(yen(run(wine, { quantity: () => new Decimal(100) }))).toBe('15680');
  });

  it('asks for what it needs: quantity, lactose content, reference price', () => {
    expect(run('25円/kg', { quantity: () => undefined })).toEqual({ status: 'needs', needs: [{ kind: 'quantity', unit: 'KG' }] });
    const lactose = '1キログラムにつき、70円に重量比による乳糖の含有率が10%を超える1%ごとに7円を加えた額';
    expect(run(lactose)).toEqual({ status: 'needs', needs: [{ kind: 'lactosePercent' }] });
    // 12.5 % lactose: 2 full steps over 10 % → (70 + 2 × 7) × 100 kg = 8,400.
    expect(yen(run(lactose, { lactosePercent: new Decimal('12.5') }))).toBe('8400');
    const gate = '1キログラムにつき部分肉に係る基準輸入価格と課税価格との差額';
    expect(run(gate)).toEqual({ status: 'needs', needs: [{ kind: 'referencePrice', name: '部分肉' }] });
    // (546.53 × 100 kg) − 30,000 = 24,653.
    expect(yen(run(gate, { valueYen: new Decimal(30000), referencePrice: () => new Decimal('546.53') }))).toBe('24653');
  });

  it('computes ad valorem duty on whole yen exactly, the same amounts, order and notes as Decimal, to 2^53', () => {
    let seed = 3;
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const pct = (): string => `${rnd(40)}${rnd(2) ? `.${rnd(10)}${rnd(3) ? rnd(10) : ''}` : ''}%`;
    const cells = [
      () => pct(),
      () => '無税',
      () => `●無税〜${pct()}`,
      () => `${pct()}又は${pct()}のうちいずれか高い税率`,
      () => `${pct()}又は${pct()}のうちいずれか低い税率`,
      () => `${pct()}＋${pct()}`,
      () => `くらげ\u3000${pct()}\nその他のもの\u3000${pct()}`,
      () => `${pct()}＋12.5円/kg`,
      () => '0.00001%',
    ];
    const values = [0, 1, 999, 1000, 10_000, 123_456_789, 2 ** 53 - 1, 9_007_199_254_740_000];
    for (let i = 0; i < 1500; i++) {
      const text = cells[rnd(cells.length)]!();
      const whole = rnd(4) === 0 ? values[rnd(values.length)]! : rnd(1_000_000) * 1000;
      const fast = run(text, { valueYen: new Decimal(whole), valueWholeYen: whole });
      const slow = run(text, { valueYen: new Decimal(whole) });
      expect(yen(fast), `${text} on ${whole}`).toBe(yen(slow));
      expect(codes(fast)).toEqual(codes(slow));
      if (fast.status === 'ok' && slow.status === 'ok') {
        expect(yenFloor(fast)).toBe(slow.yen.floor().toNumber());
        expect(yenIsZero(fast)).toBe(slow.yen.isZero());
        const other = run(cells[rnd(cells.length)]!(), { valueYen: new Decimal(whole), valueWholeYen: whole });
        if (other.status === 'ok') expect([yenLess(fast, other), yenLess(other, fast)]).toEqual([slow.yen.lessThan(other.yen), other.yen.lessThan(slow.yen)]);
      }
    }
  });
});
