import { yen } from './yen-format.ts';
import type { Assessment } from './assessment.schema.ts';
import type { PassengerDeclaration } from './declaration.schema.ts';
import type { WatchRule } from './watch-rules.ts';

/**
 * Green (nothing to declare) or red (officer) channel for one arriving person, with every reason. The officer
 * decides; this only suggests. Any single reason sends the person to red.
 */
export interface ChannelReason {
  readonly code: string;
  readonly text: string;
}

export interface ChannelSuggestion {
  readonly channel: 'green' | 'red';
  readonly reasons: readonly ChannelReason[];
}

export interface ChannelInput {
  readonly watchHits: readonly WatchRule[];
  /** Absent when no electronic declaration matched the passenger. */
  readonly declaration?: PassengerDeclaration;
  readonly assessment?: Assessment;
}

const QUESTIONS: Record<string, string> = {
  prohibitedOrRestrictedGoods: 'declared prohibited or restricted goods',
  goodsOverAllowance: 'declared goods over the duty-free allowance',
  commercialGoodsOrSamples: 'declared commercial goods or samples',
  goodsCarriedForOthers: 'declared goods carried for someone else',
  cashOver1MillionYen: 'declared cash or instruments over 1,000,000 yen',
  unaccompaniedBaggage: 'declared unaccompanied baggage',
};

export function suggestChannel(input: ChannelInput): ChannelSuggestion {
  const reasons: ChannelReason[] = input.watchHits.map((h) => ({
    code: 'WATCH_RULE',
    text: `Watch rule ${h.id}: ${h.reason}`,
  }));
  const d = input.declaration;
  if (!d) reasons.push({ code: 'NO_DECLARATION', text: 'No electronic declaration matches this passenger' });
  else {
    for (const [q, text] of Object.entries(QUESTIONS)) {
      if (d.answers[q as keyof typeof d.answers] === true)
        reasons.push({ code: `ANSWERED_YES.${q}`, text: `The traveller ${text}` });
    }
  }
  if (input.assessment && input.assessment.totalDutyYen > 0) {
    reasons.push({
      code: 'DUTY_PAYABLE',
      text: `Duty of ${yen(input.assessment.totalDutyYen)} yen is payable on goods above the allowance`,
    });
  }
  if (input.assessment?.requiresOfficerAssessment) {
    reasons.push({
      code: 'OFFICER_ASSESSMENT',
      text: 'Some goods pay the general rates and need an officer to assess them',
    });
  }
  if (reasons.length > 0) return { channel: 'red', reasons };
  return {
    channel: 'green',
    reasons: [{ code: 'NOTHING_TO_DECLARE', text: 'Declaration within the allowances, no watch-rule hit' }],
  };
}
