import { Decimal, isDecimalString, msg, type Money, type Problem } from '../../kernel/index.ts';
import { isMoneyCurrency, type ReferenceCatalog } from '../reference/index.ts';
import { isValidCorporateNumber } from './corporate-number.ts';
import { DeclarationErrors as E } from './errors.ts';
import type { DeclarationInput, PartyRef, Warning } from './model.ts';
import { lineUnits, sameDimension } from './units.ts';

export interface RegisteredParty {
  readonly id: string;
  readonly name: string;
  readonly corporateNumber: string | null;
  readonly country: string;
  readonly aeoStatus: string;
}

export interface OtherLaw {
  readonly code: string;
  readonly law: string;
  readonly documents: string;
  /** The ministry and division that grant the permit (主管省庁課), so the trader knows whom to ask. */
  readonly ministry?: string;
}

export interface ValidationDeps {
  readonly catalog: ReferenceCatalog;
  readonly party: (id: string) => RegisteredParty | undefined;
  readonly isAgreement: (id: string) => boolean;
  readonly otherLaw: (code: string) => OtherLaw | undefined;
  /** Today (yyyy-mm-dd) for the plausible window of transport dates; default the system clock. */
  readonly today?: string;
}

export interface ValidationOutcome {
  readonly problems: Problem[];
  readonly warnings: Warning[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(s: string): boolean {
  return ISO_DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
}

/** Transport dates before this are not plausible for a declaration lodged now (nor are schedules loaded for them). */
export const EARLIEST_TRANSPORT_DATE = '2000-01-01';
/** How far ahead a transport date may lie: goods are declared before arrival, but not years before. */
export const LATEST_TRANSPORT_DAYS_AHEAD = 366;

function latestTransportDate(today: string): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) + LATEST_TRANSPORT_DAYS_AHEAD * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Checks a declaration against the code lists and the tariff schedule. Returns every problem at once (each with a
 * stable code and the JSON path), and warnings that do not block (permits needed under other laws).
 */
export function validateDeclaration(input: DeclarationInput, deps: ValidationDeps): ValidationOutcome {
  const problems: Problem[] = [];
  const warnings: Warning[] = [];
  const { catalog } = deps;

  const money = (m: Money | undefined, path: string, mustBePositive: boolean): void => {
    if (!m) return;
    const cur = catalog.currency(m.currency);
    if (!cur) problems.push(E.unknownCurrency.problem(`${path}.currency`, msg('DECLARATION.UNKNOWN_CURRENCY.value', { currency: m.currency })));
    else if (!isMoneyCurrency(cur)) problems.push(E.unknownCurrency.problem(`${path}.currency`, msg('DECLARATION.UNKNOWN_CURRENCY.notMoney', { currency: m.currency, name: cur.name })));
    if (!isDecimalString(m.amount)) problems.push(E.invalidAmount.problem(`${path}.amount`));
    else if (mustBePositive ? new Decimal(m.amount).lte(0) : new Decimal(m.amount).lt(0)) {
      problems.push(E.nonPositiveValue.problem(`${path}.amount`));
    }
  };
  const country = (c: string | undefined, path: string): void => {
    if (c !== undefined && !catalog.country(c)) problems.push(E.unknownCountry.problem(path, msg('DECLARATION.UNKNOWN_COUNTRY.value', { country: c })));
  };
  const party = (p: PartyRef | undefined, path: string, required: boolean, role: string): void => {
    if (!p) {
      if (required) problems.push(E.missingParty.problem(path, msg('DECLARATION.MISSING_PARTY.required', { role })));
      return;
    }
    if (p.partyId !== undefined) {
      if (!deps.party(p.partyId)) problems.push(E.unknownParty.problem(`${path}.partyId`, msg('DECLARATION.UNKNOWN_PARTY.value', { partyId: p.partyId })));
    } else if (!p.name) {
      problems.push(E.missingParty.problem(`${path}.name`, msg('DECLARATION.MISSING_PARTY.nameOrId', { role })));
    }
    if (p.corporateNumber !== undefined && !isValidCorporateNumber(p.corporateNumber)) {
      problems.push(E.invalidCorporateNumber.problem(`${path}.corporateNumber`));
    }
    country(p.country, `${path}.country`);
  };

  party(input.declarant, '$.declarant', true, 'declarant');
  party(input.importer, '$.importer', input.kind === 'import', 'importer');
  party(input.exporter, '$.exporter', input.kind === 'export', 'exporter');
  party(input.seller, '$.seller', false, 'seller');
  party(input.buyer, '$.buyer', false, 'buyer');

  const t = input.transport;
  if (!validDate(t.date)) problems.push(E.invalidDate.problem('$.transport.date'));
  else {
    const latest = latestTransportDate(deps.today ?? new Date().toISOString().slice(0, 10));
    if (t.date < EARLIEST_TRANSPORT_DATE || t.date > latest) {
      problems.push(E.invalidDate.problem('$.transport.date', msg('DECLARATION.INVALID_DATE.transportRange', { earliest: EARLIEST_TRANSPORT_DATE, latest })));
    }
  }
  if (!catalog.location(t.port)) problems.push(E.unknownLocation.problem('$.transport.port', msg('DECLARATION.UNKNOWN_LOCATION.value', { location: t.port })));
  if (t.portOfLoading !== undefined && !catalog.location(t.portOfLoading)) {
    problems.push(E.unknownLocation.problem('$.transport.portOfLoading', msg('DECLARATION.UNKNOWN_LOCATION.value', { location: t.portOfLoading })));
  }
  const doc = t.transportDocument;
  // An air waybill number is an 3-digit airline prefix and 8 digits (the last a mod-7 check digit).
  if (doc.type === 'AWB') {
    const digits = doc.number.replace(/[-\s]/g, '');
    const serial = digits.slice(3, 10);
    if (!/^\d{11}$/.test(digits) || Number(serial) % 7 !== Number(digits[10])) {
      problems.push(E.invalidTransportDocument.problem('$.transport.transportDocument.number', msg('DECLARATION.INVALID_TRANSPORT_DOCUMENT.awb')));
    }
  } else if (!/^[A-Z0-9-]{4,35}$/i.test(doc.number)) {
    problems.push(E.invalidTransportDocument.problem('$.transport.transportDocument.number', msg('DECLARATION.INVALID_TRANSPORT_DOCUMENT.bl')));
  }
  money(input.freight, '$.freight', false);
  money(input.insurance, '$.insurance', false);

  input.items.forEach((item, i) => {
    const p = `$.items[${i}]`;
    country(item.originCountry, `${p}.originCountry`);
    money(item.invoiceValue, `${p}.invoiceValue`, true);
    if (item.preference !== undefined && !deps.isAgreement(item.preference)) {
      problems.push(E.unknownAgreement.problem(`${p}.preference`, msg('DECLARATION.UNKNOWN_AGREEMENT.value', { agreement: item.preference })));
    }
    if (item.netMassKg !== undefined && (!isDecimalString(item.netMassKg) || new Decimal(item.netMassKg).lte(0))) {
      problems.push(E.nonPositiveValue.problem(`${p}.netMassKg`, msg('DECLARATION.NON_POSITIVE_VALUE.mass')));
    }
    const line = catalog.tariffLine(item.code9);
    if (!line) {
      problems.push(E.unknownTariffCode.problem(`${p}.code9`, msg('DECLARATION.UNKNOWN_TARIFF_CODE.value', { code9: item.code9 })));
      return;
    }
    if (!line.isLeaf) problems.push(E.notLeafCode.problem(`${p}.code9`));
    const units = lineUnits(line.unit1, line.unit2);
    item.quantities.forEach((q, j) => {
      if (!units.some((u) => sameDimension(u, q.unit.toUpperCase()))) {
        problems.push(
          E.unitMismatch.problem(`${p}.quantities[${j}].unit`, msg('DECLARATION.UNIT_MISMATCH.line', { code9: item.code9, units: units.join(' and ') || '-', unit: q.unit })),
        );
      }
      if (!isDecimalString(q.amount) || new Decimal(q.amount).lte(0)) {
        problems.push(E.nonPositiveValue.problem(`${p}.quantities[${j}].amount`, msg('DECLARATION.NON_POSITIVE_VALUE.quantity')));
      }
    });
    for (const u of units) {
      if (!item.quantities.some((q) => sameDimension(u, q.unit.toUpperCase()))) {
        problems.push(E.missingQuantity.problem(`${p}.quantities`, msg('DECLARATION.MISSING_QUANTITY.line', { code9: item.code9, unit: u }), { unit: u }));
      }
    }
    if (line.otherLaws.length > 0) {
      const permits = line.otherLaws.map((code) => {
        const law = deps.otherLaw(code);
        return { code, law: law?.law ?? 'not described in the other-law table', documents: law?.documents ?? '', ...(law?.ministry ? { ministry: law.ministry } : {}) };
      });
      warnings.push({
        ...E.otherLawsPermit.problem(`${p}.code9`, msg('DECLARATION.OTHER_LAWS_PERMIT_REQUIRED.line', { code9: item.code9, laws: line.otherLaws.join(', ') })),
        permits,
      });
    }
  });
  return { problems, warnings };
}
