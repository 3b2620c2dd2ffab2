import type { Decimal, Scaled } from '../../kernel/index.ts';

/**
 * What a schedule cell means once parsed. Every printed form maps to one of these: a rate the engine computes,
 * or an explicit condition the assessment acts on (asks for a quantity, a quota status, a season, a party, a goods
 * variant, a reference price...). Nothing is silently dropped: an unparsable cell is a parse failure, not "free".
 */

/** Quantity units the specific rates are printed in, mapped to the schedule's unit codes. */
export type RateUnit = 'KG' | 'L' | 'KL' | 'MT' | 'SM' | 'PR' | 'NO';

export interface PerUnit {
  readonly unit: RateUnit;
  /** How many units the amount is for (1, or 1,000 for `円/1,000本`). */
  readonly per: Decimal;
}

export type Rate =
  | { readonly kind: 'free' }
  /** `fraction` = percent / 100, computed once at parse time (the hot path multiplies only). */
  | {
      readonly kind: 'adValorem';
      readonly percent: Decimal;
      readonly fraction: Decimal;
      /** `fraction` as an exact scaled integer, where it is a plain decimal: whole yen × it needs no Decimal. */
      readonly exact?: Scaled | undefined;
    }
  | { readonly kind: 'specific'; readonly yen: Decimal; readonly basis: PerUnit }
  /** `8.5%＋12.5円/kg`: the parts add up. */
  | { readonly kind: 'sum'; readonly parts: readonly Rate[] }
  /** `…のうちいずれか高い税率` (max) / `低い税率` (min); also the `ただし` caps and floors. */
  | { readonly kind: 'max' | 'min'; readonly options: readonly Rate[] }
  /**
   * Differential duties such as `(524円−課税価格)/kg`: per unit `perUnitYen + valueFactor × (value per unit)`, so
   * in total `quantity × perUnitYen + valueFactor × value`, never below zero.
   */
  | { readonly kind: 'linear'; readonly perUnitYen: Decimal; readonly valueFactor: Decimal; readonly basis: PerUnit }
  /** Gate-price duties that name a statutory reference price (基準輸入価格) not printed in the schedule. */
  | {
      readonly kind: 'referencePrice';
      readonly reference: string;
      readonly priceFactor: Decimal;
      readonly valueFactor: Decimal;
      readonly basis: PerUnit;
    }
  /** `1キログラムにつき、70円に…乳糖の含有率が10%を超える1%ごとに7円を加えた額`: needs the lactose content. */
  | {
      readonly kind: 'lactoseStep';
      readonly baseYen: Decimal;
      readonly thresholdPercent: Decimal;
      readonly stepPercent: Decimal;
      readonly stepYen: Decimal;
    }
  /** `原産品に含まれる砂糖の重量1キログラムにつき21.50円`: per kg of sugar contained, a declared attribute. */
  | { readonly kind: 'sugarContent'; readonly yenPerKg: Decimal }
  /** Ranges (`無税〜5%`), lists (`…、64円/kg`), `(一部3.5%)` and `…又は非譲許`: the rate differs between sub-items. */
  | { readonly kind: 'varies'; readonly options: readonly Rate[] }
  /** 非譲許: no concession for (part of) the line under this column. */
  | { readonly kind: 'excluded' }
  /** A cell that only says `◆2`: the rate is in a schedule note the data does not carry. */
  | { readonly kind: 'seeNote'; readonly note: string }
  | { readonly kind: 'branches'; readonly branches: readonly Branch[] };

export type Condition =
  /** Inside or outside a tariff quota (関税割当数量以内／以外, 特恵輸入対象). */
  | { readonly type: 'quota'; readonly inside: boolean }
  /** CPTPP party-specific treatment `（マレーシアに対する待遇）`; `others` = 他の締約国. */
  | { readonly type: 'party'; readonly countries: readonly string[] }
  /** Seasonal lines `毎年4月1日から同年9月30日までに輸入されるもの` (month-day, inclusive, may wrap the year). */
  | { readonly type: 'season'; readonly from: MonthDay; readonly to: MonthDay }
  /** A goods description or end use only the declarant can confirm (`くらげ`, `飼料の原料として使用するもの`). */
  | { readonly type: 'goods'; readonly text: string };

export interface MonthDay {
  readonly month: number;
  /** 31 stands for "end of month" (末日). */
  readonly day: number;
}

export interface Branch {
  /** 1-based, as printed (the number a declarant passes in `rateBranch`). */
  readonly index: number;
  readonly label: string;
  /** All must hold. An empty list with `otherwise` = `その他のもの` / `他の締約国`: applies when no earlier one does. */
  readonly conditions: readonly Condition[];
  readonly otherwise: boolean;
  readonly rate: Rate;
}

/** Markers printed in front of or after a rate; kept so the assessment can report them. */
export type Marker = '*' | '**' | '※' | '◎' | '●' | `◆${string}`;

export interface ParsedCell {
  readonly text: string;
  readonly rate: Rate;
  /** Printed in parentheses: a bound (WTO) rate that is not applied because a lower one exists. */
  readonly bound: boolean;
  readonly markers: readonly Marker[];
}
