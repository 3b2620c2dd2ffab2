import { err, findIllFormed, isDecimalString, ok } from '../../kernel/index.ts';
import type { Problem, Result } from '../../kernel/index.ts';
import { normalizeHouseAwb, normalizeMasterAwb } from './awb.ts';
import { ConsignmentErrors as E } from './errors.ts';
import { DEFAULT_MAX_ITEMS, UNITS } from './model.ts';
import type { CodeLookups, Consignment, ItemLine, Money, Party, Unit } from './model.ts';
import { checkDeclaredTotal } from './declared-total.ts';
import { KEYS } from './validate-keys.ts';
import type { KeyCheck } from './validate-keys.ts';

/** A low-value consignment is a parcel or a pallet, not a ship's hold: heavier declarations are typing errors. */
export const MAX_GROSS_MASS_KG = 100_000;
/** Pieces (or kg, litres…) of one item line. */
export const MAX_QUANTITY = 10_000_000;
/** The smallest quantity or mass written without an exponent to six decimals. */
const MIN_NUMBER = 0.000001;

export interface ValidateOptions extends CodeLookups {
  /** Item lines allowed per consignment (default DEFAULT_MAX_ITEMS). */
  readonly maxItems?: number;
}

type Obj = Record<string, unknown>;

const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;
const HS_RE = /^(\d{6}|\d{9})$/;
const UNIT_SET: ReadonlySet<string> = new Set(UNITS);

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a decoded consignment and returns either a clean, normalised copy (AWBs in canonical form, unknown fields
 * dropped) or every problem found — a trader fixes a rejected line once, not once per problem.
 */
export function validateConsignment(input: unknown, opts: ValidateOptions, base = '$'): Result<Consignment, Problem[]> {
  // NUL and lone surrogates cannot be stored (nor shown back): the line is refused before anything else is read.
  const bad = findIllFormed(input, base);
  if (bad !== undefined) return err([E.invalidField.problem(bad, 'Text must not contain NUL (U+0000) or an unpaired UTF-16 surrogate')]);
  const v = new Validator(opts);
  const c = v.consignment(input, base);
  return c && v.problems.length === 0 ? ok(c) : err(v.problems);
}

class Validator {
  readonly problems: Problem[] = [];
  constructor(private readonly opts: ValidateOptions) {}

  consignment(input: unknown, p: string): Consignment | undefined {
    if (!isObj(input)) return this.fail(E.invalidField.problem(p, 'A consignment must be a JSON object'));
    this.unknownKeys(input, KEYS.root, p);
    const consignmentId = this.str(input, 'consignmentId', p, 64);
    if (consignmentId !== undefined && !ID_RE.test(consignmentId))
      this.problems.push(E.invalidId.problem(`${p}.consignmentId`));
    const transportDocument = this.transport(input['transportDocument'], `${p}.transportDocument`);
    const seller = this.party(input['seller'], `${p}.seller`);
    const buyer = this.party(input['buyer'], `${p}.buyer`);
    const platform = this.platform(input['platform'], `${p}.platform`);
    const items = this.items(input['items'], `${p}.items`);
    const grossMassKg = this.positiveNumber(input, 'grossMassKg', p, MAX_GROSS_MASS_KG);
    const declaredTotal =
      input['declaredTotal'] === undefined ? undefined : this.money(input['declaredTotal'], `${p}.declaredTotal`);
    if (declaredTotal && items && this.problems.length === 0) {
      const mismatch = checkDeclaredTotal(items, declaredTotal, `${p}.declaredTotal`);
      if (mismatch) this.problems.push(mismatch);
    }
    if (
      this.problems.length > 0 ||
      consignmentId === undefined ||
      !transportDocument ||
      !seller ||
      !buyer ||
      !platform ||
      !items ||
      grossMassKg === undefined
    ) {
      return undefined;
    }
    const c: Consignment = { consignmentId, transportDocument, seller, buyer, platform, items, grossMassKg };
    if (declaredTotal) c.declaredTotal = declaredTotal;
    return c;
  }

  private transport(input: unknown, p: string): Consignment['transportDocument'] | undefined {
    if (!isObj(input)) return this.missingOrInvalid(input, p);
    this.unknownKeys(input, KEYS.transport, p);
    const out: { masterAwb?: string; houseAwb?: string } = {};
    const master = input['masterAwb'];
    const house = input['houseAwb'];
    if (master !== undefined && master !== '') {
      const n = typeof master === 'string' ? normalizeMasterAwb(master) : undefined;
      if (n) out.masterAwb = n;
      else
        this.problems.push(
          E.invalidAwb.problem(`${p}.masterAwb`, 'A master AWB is NNN-NNNNNNNN with a mod-7 check digit'),
        );
    }
    if (house !== undefined && house !== '') {
      const n = typeof house === 'string' ? normalizeHouseAwb(house) : undefined;
      if (n) out.houseAwb = n;
      else this.problems.push(E.invalidAwb.problem(`${p}.houseAwb`, 'A house AWB is 1-16 letters and digits'));
    }
    if ((master === undefined || master === '') && (house === undefined || house === '')) {
      this.problems.push(E.missingField.problem(`${p}.houseAwb`, 'A house AWB or a master AWB is required'));
    }
    return out;
  }

  private party(input: unknown, p: string): Party | undefined {
    if (!isObj(input)) return this.missingOrInvalid(input, p);
    this.unknownKeys(input, KEYS.party, p);
    const name = this.str(input, 'name', p, 140);
    const city = this.str(input, 'city', p, 70);
    const country = this.str(input, 'country', p, 2);
    if (country !== undefined && !this.opts.isCountry(country))
      this.problems.push(E.unknownCountry.problem(`${p}.country`));
    const lines = input['addressLines'];
    let addressLines: string[] | undefined;
    if (!Array.isArray(lines) || lines.length === 0) {
      this.missingOrInvalid(lines === undefined || Array.isArray(lines) ? undefined : lines, `${p}.addressLines`);
    } else if (lines.length > 4) {
      this.problems.push(E.invalidField.problem(`${p}.addressLines`, 'At most 4 address lines'));
    } else {
      addressLines = [];
      for (let i = 0; i < lines.length; i++) {
        const l: unknown = lines[i];
        if (typeof l === 'string' && l.trim() !== '' && l.length <= 140) addressLines.push(l);
        else
          this.problems.push(
            E.invalidField.problem(`${p}.addressLines[${i}]`, 'An address line is a 1-140 character string'),
          );
      }
    }
    let postcode: string | undefined;
    if (input['postcode'] !== undefined && input['postcode'] !== '') postcode = this.str(input, 'postcode', p, 17);
    if (name === undefined || city === undefined || country === undefined || !addressLines) return undefined;
    const party: Party = { name, addressLines, city, country };
    if (postcode !== undefined) party.postcode = postcode;
    return party;
  }

  private platform(input: unknown, p: string): Consignment['platform'] | undefined {
    if (!isObj(input)) return this.missingOrInvalid(input, p);
    this.unknownKeys(input, KEYS.platform, p);
    const name = this.str(input, 'name', p, 70);
    const orderId = this.str(input, 'orderId', p, 70);
    return name !== undefined && orderId !== undefined ? { name, orderId } : undefined;
  }

  private items(input: unknown, p: string): ItemLine[] | undefined {
    if (input === undefined || (Array.isArray(input) && input.length === 0)) return this.fail(E.noItems.problem(p));
    if (!Array.isArray(input)) return this.fail(E.invalidField.problem(p, 'items must be an array'));
    const max = this.opts.maxItems ?? DEFAULT_MAX_ITEMS;
    if (input.length > max)
      return this.fail(E.tooManyItems.problem(p, `At most ${max} item lines, got ${input.length}`));
    const out: ItemLine[] = [];
    for (let i = 0; i < input.length; i++) {
      const it = this.item(input[i], `${p}[${i}]`);
      if (it) out.push(it);
    }
    return out.length === input.length ? out : undefined;
  }

  private item(input: unknown, p: string): ItemLine | undefined {
    if (!isObj(input)) return this.fail(E.invalidField.problem(p, 'An item line must be an object'));
    this.unknownKeys(input, KEYS.item, p);
    const description = this.str(input, 'description', p, 512);
    let hsCode: string | undefined;
    const hs = input['hsCode'];
    if (hs !== undefined && hs !== '') {
      if (typeof hs === 'string' && HS_RE.test(hs)) hsCode = hs;
      else this.problems.push(E.invalidHsCode.problem(`${p}.hsCode`));
    }
    const quantity = this.positiveNumber(input, 'quantity', p, MAX_QUANTITY);
    const unitRaw = input['unit'];
    let unit: Unit | undefined;
    if (unitRaw === undefined || unitRaw === '') this.problems.push(E.missingField.problem(`${p}.unit`));
    else if (typeof unitRaw === 'string' && UNIT_SET.has(unitRaw)) unit = unitRaw as Unit;
    else this.problems.push(E.unknownUnit.problem(`${p}.unit`, `Unit must be one of ${UNITS.join(', ')}`));
    const value = this.money(input['value'], `${p}.value`);
    if (description === undefined || quantity === undefined || unit === undefined || !value) return undefined;
    const line: ItemLine = { description, quantity, unit, value };
    if (hsCode !== undefined) line.hsCode = hsCode;
    return line;
  }

  private money(input: unknown, p: string): Money | undefined {
    if (!isObj(input)) return this.missingOrInvalid(input, p);
    this.unknownKeys(input, KEYS.money, p);
    const amount = input['amount'];
    let okAmount: string | undefined;
    if (amount === undefined || amount === '') this.problems.push(E.missingField.problem(`${p}.amount`));
    else if (!isDecimalString(amount)) {
      this.problems.push(E.invalidAmount.problem(`${p}.amount`, 'An amount is a decimal string such as "12.50"'));
    } else if (amount.startsWith('-') || !/[1-9]/.test(amount))
      this.problems.push(E.notPositive.problem(`${p}.amount`));
    else okAmount = amount;
    const currency = this.str(input, 'currency', p, 3);
    if (currency !== undefined && !this.opts.isCurrency(currency))
      this.problems.push(E.unknownCurrency.problem(`${p}.currency`));
    return okAmount !== undefined && currency !== undefined ? { amount: okAmount, currency } : undefined;
  }

  private str(o: Obj, key: string, p: string, maxLen: number): string | undefined {
    const v = o[key];
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
      return this.fail(E.missingField.problem(`${p}.${key}`));
    }
    if (typeof v !== 'string' || v.length > maxLen) {
      return this.fail(
        E.invalidField.problem(`${p}.${key}`, `${key} must be a string of at most ${maxLen} characters`),
      );
    }
    return v;
  }

  private positiveNumber(o: Obj, key: string, p: string, max: number): number | undefined {
    const v = o[key];
    if (v === undefined || v === null || v === '') return this.fail(E.missingField.problem(`${p}.${key}`));
    if (typeof v !== 'number' || !Number.isFinite(v))
      return this.fail(E.invalidField.problem(`${p}.${key}`, `${key} must be a number`));
    if (v <= 0) return this.fail(E.notPositive.problem(`${p}.${key}`));
    // Also keeps numbers in plain decimal notation (1e-7 and 1e21 print with an exponent) for the assessment.
    if (v > max || v < MIN_NUMBER) {
      return this.fail(E.invalidField.problem(`${p}.${key}`, `${key} must be between ${MIN_NUMBER} and ${max.toLocaleString('en')}`));
    }
    return v;
  }

  private unknownKeys(o: Obj, allowed: KeyCheck, p: string): void {
    for (const k in o) if (!allowed(k)) this.problems.push(E.unknownField.problem(`${p}.${k}`));
  }

  private missingOrInvalid(v: unknown, p: string): undefined {
    return this.fail(
      v === undefined || v === null ? E.missingField.problem(p) : E.invalidField.problem(p, 'Expected an object'),
    );
  }

  private fail(problem: Problem): undefined {
    this.problems.push(problem);
    return undefined;
  }
}
