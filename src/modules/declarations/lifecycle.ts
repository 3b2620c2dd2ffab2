import type { DeclarationStatus } from './model.ts';

/**
 * The declaration lifecycle. draft → submitted → accepted → assessed → lane_assigned → released | held | rejected.
 * Amendments are allowed until release and restart processing from `submitted` with a new version.
 */
export type Action =
  | 'submit'
  | 'accept'
  | 'assess'
  | 'assign_lane'
  | 'release'
  | 'hold'
  | 'reject'
  | 'amend'
  | 'record_payment';

const ALLOWED: Record<Action, readonly DeclarationStatus[]> = {
  submit: ['draft'],
  accept: ['submitted'],
  assess: ['accepted'],
  assign_lane: ['assessed'],
  release: ['lane_assigned', 'held'],
  hold: ['accepted', 'assessed', 'lane_assigned'],
  reject: ['submitted', 'accepted', 'assessed', 'lane_assigned', 'held'],
  amend: ['draft', 'submitted', 'accepted', 'assessed', 'lane_assigned', 'held'],
  record_payment: ['lane_assigned', 'held'],
};

const NEXT: Partial<Record<Action, DeclarationStatus>> = {
  submit: 'submitted',
  accept: 'accepted',
  assess: 'assessed',
  assign_lane: 'lane_assigned',
  release: 'released',
  hold: 'held',
  reject: 'rejected',
};

export function canApply(action: Action, status: DeclarationStatus): boolean {
  return ALLOWED[action].includes(status);
}

/** The status after the action, or undefined when the action keeps the status (payment) or depends (amend). */
export function nextStatus(action: Action): DeclarationStatus | undefined {
  return NEXT[action];
}

export const FINAL_STATUSES: readonly DeclarationStatus[] = ['released', 'rejected'];
