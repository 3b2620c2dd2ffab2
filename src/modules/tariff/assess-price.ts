import { Decimal, msg, note, type Problem } from '../../kernel/index.ts';
import type { ItemResolution } from './assess-item.ts';
import { AssessmentErrors } from './errors.ts';
import { exciseNote, quantityIn } from './quantities.ts';
import type { SimplifiedTariffRule } from './rules.ts';
import type { AssessmentItemRequest, AssessmentNote } from './schema.ts';
import { describeSimplified, percentDutyYen, simplifiedRateFor } from './simplified-tariff.ts';
import { yenFloor, yenLess } from './rate-eval.ts';
import type { TariffLine } from './tariff-index.ts';

export interface Alternative {
  readonly column: string;
  readonly text: string;
  readonly dutyYen: number;
  readonly differenceYen: number;
  readonly requires?: string;
}

export interface PricedItem {
  readonly appliedRate: { readonly column: string; readonly text: string };
  readonly alternatives: Alternative[];
  readonly customsValueYen: number;
  /** In yen, fractions dropped; the declaration's total is truncated below 100 yen. */
  readonly dutyYen: number;
  readonly exempt: boolean;
  readonly notes: AssessmentNote[];
}

export interface PriceInput {
  readonly item: AssessmentItemRequest;
  readonly path: string;
  readonly line: TariffLine;
  readonly resolution: ItemResolution;
  readonly taxableYen: number;
  readonly claimed: boolean;
  /** The simplified-tariff rule when the declaration qualifies for it. */
  readonly simplified: SimplifiedTariffRule | undefined;
  readonly exempt: boolean;
  /** The personal-use factor applied to this item, if any. */
  readonly personalUseFactor: string | undefined;
}

const mfnBases: ReadonlySet<string> = new Set(['general', 'temporary', 'wto']);

/** The item's duty from its applied rate (or the simplified rate / exemption), with every alternative priced. */
export function pricedItem(p: PriceInput): { ok: true; value: PricedItem } | { ok: false; problems: Problem[] } {
  const { resolution: r, line } = p;
  const applied = r.resolution.applied;
  const notes: AssessmentNote[] = [...r.resolution.notes];
  const excise = exciseNote(line.code9);
  if (excise) notes.push(excise);
  if (p.personalUseFactor !== undefined) {
    notes.push(note('PERSONAL_USE_VALUATION', { factor: String(p.personalUseFactor) }));
  }
  if (applied && Object.hasOwn(line.inheritedFrom, applied.column)) {
    notes.push(note('RATE_INHERITED', { column: applied.column, parent: String(line.inheritedFrom[applied.column]) }));
  }

  if (p.exempt) {
    notes.push(note('SMALL_VALUE_EXEMPT'));
    return {
      ok: true,
      value: {
        // The rate that would apply stays visible; the exemption sets the amount to zero.
        appliedRate: applied ? { column: applied.column, text: applied.text } : { column: 'exempt', text: '少額免税' },
        alternatives: [],
        customsValueYen: p.taxableYen,
        dutyYen: 0,
        exempt: true,
        notes,
      },
    };
  }
  if (!applied) return { ok: false, problems: [AssessmentErrors.noRate.problem(`${p.path}.code9`)] };
  notes.push(...applied.result.notes);
  const cell = line.cells[applied.column];
  if (cell && cell.markers.length > 0) {
    notes.push(note('RATE_MARKER', { column: applied.column, markers: cell.markers.join(' ') }));
  }

  let appliedRate = { column: applied.column as string, text: applied.text };
  let dutyYen = yenFloor(applied.result);
  const alternatives: Alternative[] = [];
  const regularDuty = dutyYen;

  // 関税定率法 Art. 3-3: applied automatically to small imports unless declined; free goods and goods under a
  // preference claim keep their rate (the simplified rates exist to simplify, not to tax free goods).
  if (p.simplified && !p.claimed && regularDuty > 0) {
    const sr = simplifiedRateFor(line.code9, p.simplified);
    if (sr.kind === 'excluded') notes.push(note('SIMPLIFIED_TARIFF_EXCLUDED', { hs: sr.hs }));
    else {
      let duty: Decimal | number;
      if (sr.kind === 'percent') duty = percentDutyYen(p.taxableYen, sr);
      else {
        const litres = quantityIn(p.item.quantities, 'L');
        if (!litres) {
          return {
            ok: false,
            problems: [AssessmentErrors.missingQuantity.problem(`${p.path}.quantities`, msg('ASSESSMENT.MISSING_QUANTITY.simplified', { label: sr.label }), { unit: 'L' })],
          };
        }
        duty = litres.times(sr.yen);
      }
      appliedRate = { column: 'simplified_tariff', text: describeSimplified(sr) };
      dutyYen = typeof duty === 'number' ? duty : duty.floor().toNumber();
      notes.push(note('SIMPLIFIED_TARIFF'));
      alternatives.push({
        column: applied.column,
        text: applied.text,
        dutyYen: regularDuty,
        differenceYen: regularDuty - dutyYen,
        requires: 'declining the simplified rates for the whole declaration (simplifiedTariff: false)',
      });
    }
  }

  // The MFN rate (lowest of base and WTO) is an alternative only when a preference applies: "without the claim…".
  let mfn: (typeof r.resolution.candidates)[number] | undefined;
  for (const c of r.resolution.candidates) {
    if (!mfnBases.has(c.basis) || c.quotaVariant || c.result.status !== 'ok') continue;
    if (!mfn || (mfn.result.status === 'ok' && yenLess(c.result, mfn.result))) mfn = c;
  }
  for (const c of r.resolution.candidates) {
    if (c === applied || c.result.status !== 'ok') continue;
    if (!c.quotaVariant && mfnBases.has(c.basis) && (c !== mfn || mfnBases.has(applied.basis))) continue;
    const d = yenFloor(c.result);
    // An unknown GSP status is only worth mentioning where it would help.
    if (c.basis === 'gsp' && !c.eligible && d >= regularDuty) continue;
    alternatives.push({ column: c.column, text: c.text, dutyYen: d, differenceYen: d - dutyYen, ...(c.requires ? { requires: c.requires } : {}) });
  }
  alternatives.sort((a, b) => a.dutyYen - b.dutyYen);
  return { ok: true, value: { appliedRate, alternatives, customsValueYen: p.taxableYen, dutyYen, exempt: false, notes } };
}
