import type { Assessment } from './assessment.schema.ts';
import type { PassengerDeclaration } from './declaration.schema.ts';
import { GATE_REASON, claimCodeOf, reasonOf, type GateLang, type GateReason } from './gate-reasons.ts';
import { suggestChannel } from './suggest-channel.ts';
import type { WatchRule } from './watch-rules.ts';

/**
 * Why a gate must not let a traveller through: the same grounds the arrival screening uses (suggestChannel), named
 * with stable codes and parameters so that the gate page and the traveller's screen can word them in their language.
 * A pass is `valid` at a gate only when this list is empty.
 */
export interface GateChannelInput {
  readonly watchHits?: readonly WatchRule[];
  readonly declaration?: PassengerDeclaration;
  readonly assessment?: Pick<Assessment, 'totalDutyYen' | 'requiresOfficerAssessment'>;
}

/** Every reason the traveller goes to the red channel; empty = the gate may let them through. */
export function gateReasons(input: GateChannelInput, lang: GateLang = 'en'): GateReason[] {
  const ruleIds = [...new Set((input.watchHits ?? []).map((h) => h.id))];
  const out: GateReason[] = ruleIds.map((ruleId) => reasonOf(GATE_REASON.watchRule, { ruleId }, lang));
  const s = suggestChannel({
    watchHits: [],
    ...(input.declaration ? { declaration: input.declaration } : {}),
    ...(input.assessment ? { assessment: input.assessment as Assessment } : {}),
  });
  for (const r of s.reasons) {
    if (r.code === 'DUTY_PAYABLE') out.push(reasonOf(GATE_REASON.dutyPayable, { totalDutyYen: input.assessment?.totalDutyYen ?? 0 }, lang));
    else if (r.code === 'OFFICER_ASSESSMENT') out.push(reasonOf(GATE_REASON.officerAssessment, {}, lang));
    else if (r.code.startsWith('ANSWERED_YES.')) out.push(reasonOf(GATE_REASON.declaredYes, { question: r.code.slice('ANSWERED_YES.'.length) }, lang));
    // NO_DECLARATION and NOTHING_TO_DECLARE say nothing against the traveller here: a pass always stands for a declaration.
  }
  return out;
}

/**
 * What the pass itself says about the channel, signed with it so that an offline gate needs no database: the codes
 * that follow from the declaration (not watch rules, which change after issue and must not be disclosed to the
 * traveller), and the duty.
 */
export function redClaim(input: Omit<GateChannelInput, 'watchHits'>): { red: string[]; duty: number } | undefined {
  const reasons = gateReasons(input);
  if (reasons.length === 0) return undefined;
  return { red: reasons.map(claimCodeOf), duty: input.assessment?.totalDutyYen ?? 0 };
}
