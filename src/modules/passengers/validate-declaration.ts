import { Value } from '@sinclair/typebox/value';
import { CommonErrors, Decimal, err, ok, type DomainError, type Problem, type Result } from '../../kernel/index.ts';
import {
  PassengerDeclarationSchema,
  type AlcoholItem,
  type OtherGoodsItem,
  type PassengerDeclaration,
  type PerfumeItem,
  type TobaccoItem,
} from './declaration.schema.ts';
import { PassengerErrors } from './errors.ts';

/** A declaration that passed validation, with the optional lists filled in. */
export interface ValidDeclaration extends PassengerDeclaration {
  readonly familyMembers: NonNullable<PassengerDeclaration['familyMembers']>;
  readonly goods: {
    readonly alcohol: AlcoholItem[];
    readonly tobacco: TobaccoItem[];
    readonly perfume: PerfumeItem[];
    readonly other: OtherGoodsItem[];
  };
}

const pointerToPath = (pointer: string): string =>
  '$' +
  pointer
    .split('/')
    .slice(1)
    .map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`))
    .join('');

export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Completed years between a birth date and a day, both YYYY-MM-DD. */
export function ageOn(dateOfBirth: string, day: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Structural (schema) and semantic checks; every problem is reported at once with its JSON path. */
export function validateDeclaration(input: unknown): Result<ValidDeclaration, DomainError> {
  if (!Value.Check(PassengerDeclarationSchema, input)) {
    const problems: Problem[] = [...Value.Errors(PassengerDeclarationSchema, input)]
      .slice(0, 50)
      .map((e) => PassengerErrors.invalidDeclaration.problem(pointerToPath(e.path), e.message));
    return err(CommonErrors.validation('The passenger declaration is invalid', { problems }));
  }
  const d = input;
  const problems: Problem[] = [];
  for (const [path, value] of [
    ['$.arrivalDate', d.arrivalDate],
    ['$.traveller.dateOfBirth', d.traveller.dateOfBirth],
  ] as const) {
    if (!isCalendarDate(value)) problems.push(PassengerErrors.invalidArrivalDate.problem(path));
  }
  if (problems.length === 0 && d.traveller.dateOfBirth > d.arrivalDate) {
    problems.push(PassengerErrors.invalidDeclaration.problem('$.traveller.dateOfBirth', 'Born after the arrival date'));
  }
  if (d.answers.unaccompaniedPackages !== undefined && !d.answers.unaccompaniedBaggage) {
    problems.push(
      PassengerErrors.invalidDeclaration.problem(
        '$.answers.unaccompaniedPackages',
        'Packages sent separately are counted only when unaccompanied baggage is declared',
      ),
    );
  }
  const members = d.familyMembers ?? [];
  const goods = {
    alcohol: d.goods?.alcohol ?? [],
    tobacco: d.goods?.tobacco ?? [],
    perfume: d.goods?.perfume ?? [],
    other: d.goods?.other ?? [],
  };
  for (const [list, items] of Object.entries(goods)) {
    items.forEach((item: { owner?: number }, i) => {
      if (item.owner !== undefined && item.owner >= members.length) {
        problems.push(
          PassengerErrors.unknownOwner.problem(
            `$.goods.${list}[${i}].owner`,
            `No family member ${item.owner} (${members.length} listed)`,
          ),
        );
      }
    });
  }
  goods.perfume.forEach((p, i) => {
    if (new Decimal(p.ounces).lte(0)) {
      problems.push(PassengerErrors.invalidDeclaration.problem(`$.goods.perfume[${i}].ounces`, 'Must be more than 0'));
    }
  });
  if (problems.length > 0) return err(CommonErrors.validation('The passenger declaration is invalid', { problems }));
  return ok({ ...d, familyMembers: members, goods });
}
