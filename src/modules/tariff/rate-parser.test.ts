import { describe, expect, it } from 'vitest';
import { describeRate } from './rate-describe.ts';
import { parseCell } from './rate-parser.ts';

const read = (text: string): string => {
  const p = parseCell(text);
  if (!p) throw new Error(`did not parse: ${text}`);
  return `${p.bound ? 'bound ' : ''}${p.markers.join('')}${p.markers.length ? ' ' : ''}${describeRate(p.rate)}`;
};

describe('rate parser', () => {
  it('reads free, ad valorem and specific rates in every printed unit', () => {
    expect(read('無税')).toBe('free');
    expect(read('免税')).toBe('free');
    expect(read('3%')).toBe('3%');
    expect(read('※1％')).toBe('※ 1%');
    expect(read('1,200円/kg')).toBe('¥1200/KG');
    expect(read('6.40円/l')).toBe('¥6.4/L');
    expect(read('934円/kl')).toBe('¥934/KL');
    expect(read('930円/MT')).toBe('¥930/MT');
    expect(read('4,800円/足')).toBe('¥4800/PR');
    expect(read('1.50円/枚')).toBe('¥1.5/NO');
    expect(read('関税割当数量以内のもの　170万円/頭')).toBe('#1 inside quota → ¥1700000/NO');
  });

  it('reads compound and whichever-higher/lower rates, and the ただし cap and floor', () => {
    expect(read('8.5%＋12.5円/kg')).toBe('8.5% + ¥12.5/KG');
    expect(read('29.8%+\n915円/kg')).toBe('29.8% + ¥915/KG');
    expect(read('10%又は125円/kgのうちいずれか高い税率')).toBe('max(10%, ¥125/KG)');
    expect(read('2.5%又は0.76円/kgのうちいずれか低い税率')).toBe('min(2.5%, ¥0.76/KG)');
    expect(read('21.3%又は156.80円/lのうちいずれか低い税率\nただしその税率が93円/lを下回る場合は93円/l')).toBe(
      'max(min(21.3%, ¥156.8/L), ¥93/L)',
    );
    expect(read('9.3%又は7.19円/kgのうちいずれか高い税率（ただしその税率が50%を上回る場合は50%とする）')).toBe(
      'min(max(9.3%, ¥7.19/KG), 50%)',
    );
  });

  it('reduces differential-duty formulas to quantity × yen + factor × value', () => {
    // (524円−課税価格)/kg: per kg 524 − value per kg, so in total 524 × kg − value.
    expect(read('(524円−課税価格)/kg')).toBe('max(0, 524×qty[KG] - 1×value)');
    expect(read('401.65円/kg-課税価格/kg')).toBe('max(0, 401.65×qty[KG] - 1×value)');
    // 20,400.55 × 1.037 = 21,155.37035 yen per head.
    expect(read('（20,400.55円×1.037-課税価格）/頭')).toBe('max(0, 21155.37035×qty[NO] - 1×value)');
    // ((500 − v) × 0.8) = 400 − 0.8 v per kg.
    expect(read('((500円−課税価格)×0.8)/kg')).toBe('max(0, 400×qty[KG] - 0.8×value)');
  });

  it('keeps gate prices, lactose steps and sugar content as rates that ask for their input', () => {
    expect(read('1キログラムにつき部分肉に係る基準輸入価格と課税価格との差額')).toBe(
      'max(0, 1×refPrice(部分肉)×qty[KG] - 1×value)',
    );
    expect(read('1キログラムにつき、70円に重量比による乳糖の含有率が10%を超える1%ごとに7円を加えた額')).toBe(
      '(¥70 + ¥7 per 1% lactose over 10%)/KG',
    );
    expect(read('関税割当数量以内のもの　当該原産品に含まれる砂糖の重量1kgにつき21.50円')).toBe(
      '#1 inside quota → ¥21.5/KG of sugar content',
    );
  });

  it('marks bound rates in parentheses and keeps the markers', () => {
    expect(read('(5%)')).toBe('bound 5%');
    expect(read('*(396円/kg)')).toBe('bound * ¥396/KG');
    expect(read('(8.5%＋290.70円/1,000本)')).toBe('bound 8.5% + ¥290.7/1000 NO');
    expect(read('◎無税 ◆2')).toBe('◆2◎ free');
    expect(read('◆11')).toBe('see schedule note ◆11');
  });

  it('reads ranges, lists and partial concessions as varying rates', () => {
    expect(read('(0%)〜(5%)'.replace('0%', '無税'))).toBe('bound varies[free | 5%]');
    expect(read('●無税又は非譲許')).toBe('● varies[free | no concession]');
    expect(read('(一部3.5%)')).toBe('bound varies[3.5% | no concession]');
    expect(read('●3.8%、29.8%＋915円/kg')).toBe('● varies[3.8% | 29.8% + ¥915/KG]');
  });

  it('reads quota, party, season and goods branches with their fall-through', () => {
    expect(read('関税割当数量以内のもの　無税\n関税割当数量以外のもの　21.30円/kg')).toBe(
      '#1 inside quota → free; #2 outside quota → ¥21.3/KG',
    );
    expect(read('（マレーシアに対する待遇）　5%\n（ベトナムに対する待遇）　2.6%\n（他の締約国に対する待遇）　1%')).toBe(
      '#1 origin MY → 5%; #2 origin VN → 2.6%; #3 otherwise  → 1%',
    );
    expect(read('毎年11月1日から翌年2月末日までに輸入されるもの　無税')).toBe('#1 imported 11/1–2/end → free');
    expect(read('くらげ　3.2%\nその他のもの　4.4%')).toBe('#1 goods: くらげ → 3.2%; #2 otherwise  → 4.4%');
    expect(
      read('世界貿易機関設立協定の日本国の譲許表における関税割当て　20%\nその他のもので、協定附属書2-D付録AのCSQ-JP6に定める関税割当数量以内のもの（オーストラリアに対する待遇）及びCSQ-JP7に定める関税割当数量以内のもの（カナダに対する待遇）　無税'),
    ).toBe('#1 inside quota → 20%; #2 otherwise origin AU/CA & inside quota → free');
  });

  it('refuses what it does not understand instead of guessing', () => {
    expect(parseCell('')).toBeUndefined();
    expect(parseCell('12円/ton')).toBeUndefined();
    expect(parseCell('（課税価格×課税価格）/kg')).toBeUndefined();
  });
});
