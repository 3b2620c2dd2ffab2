import type { Declaration, DeclarationStatus, Lane } from './model.ts';

/**
 * The declaration lifecycle. draft → submitted → accepted → assessed → lane_assigned → released | held | rejected.
 * Amendments are allowed until release. An amendment of a declaration nobody has selected restarts processing from
 * `submitted` with a new version; one that an officer holds or that was selected stays with the officer (see
 * `withOfficer`), and its lane never comes out lower than before.
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

/**
 * Amendments a declaration may have (version 1 + this many). Each one re-runs assessment and targeting; without a
 * bound a trader could keep probing what the targeting looks at, and an officer would chase a moving declaration.
 */
export const MAX_AMENDMENTS = 5;

const LANE_ORDER: Record<Lane, number> = { green: 0, yellow: 1, red: 2 };

/** The stricter of two lanes (null when neither is set). */
export function stricterLane(a: Lane | null, b: Lane | null): Lane | null {
  if (a === null) return b;
  if (b === null) return a;
  return LANE_ORDER[a] >= LANE_ORDER[b] ? a : b;
}

/**
 * A declaration is with the officer once an officer holds it or targeting selected it (yellow or red lane): an
 * amendment then changes what the officer looks at, not the decision, which stays the officer's.
 */
export function withOfficer(d: Pick<Declaration, 'status' | 'lane'>): boolean {
  return d.status === 'held' || (d.status === 'lane_assigned' && (d.lane === 'yellow' || d.lane === 'red'));
}

/** One changed value between two versions of the declaration data, with its JSON path. */
export interface DataChange {
  readonly path: string;
  readonly from?: unknown;
  readonly to?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** What changed between two versions of a declaration's data (leaves only, in document order; at most `limit`). */
export function dataChanges(before: unknown, after: unknown, limit = 200): DataChange[] {
  const out: DataChange[] = [];
  const walk = (a: unknown, b: unknown, path: string): void => {
    if (out.length >= limit) return;
    if (Array.isArray(a) && Array.isArray(b)) {
      for (let i = 0; i < Math.max(a.length, b.length); i++) walk(a[i], b[i], `${path}[${i}]`);
      return;
    }
    if (isObject(a) && isObject(b)) {
      const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
      for (const k of keys) walk(a[k], b[k], `${path}.${k}`);
      return;
    }
    if (a === b) return;
    out.push({ path, ...(a === undefined ? {} : { from: a }), ...(b === undefined ? {} : { to: b }) });
  };
  walk(before, after, '$');
  return out;
}
