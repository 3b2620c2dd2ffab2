import type { MessageKey } from '../../i18n/index.tsx';

/** A permit or confirmation under another law (他法令) that a line of the declaration needs, as the API warns of it. */
export interface Permit {
  readonly code: string;
  readonly law: string;
  readonly documents: string;
  readonly ministry?: string;
}

export interface NextStepsInput {
  readonly status: string;
  readonly lane: 'green' | 'yellow' | 'red' | null;
  readonly owedYen?: number | undefined;
  readonly paidYen?: number | undefined;
  readonly assessmentFailed?: boolean;
  readonly warnings: readonly { code: string; permits?: readonly Permit[] }[];
  /** The officer's reason of the last hold or rejection, from the history. */
  readonly reason?: string | null | undefined;
}

export interface Step {
  readonly key: MessageKey;
  readonly vars?: Record<string, string | number>;
}

export interface NextSteps {
  /** Said in this order; the first is the headline. */
  readonly steps: readonly Step[];
  /** Permits still to be shown to customs, each once however many lines need it. */
  readonly permits: readonly Permit[];
  /** True when the trader has nothing left to do (released, or green with nothing owed and no permit). */
  readonly nothing: boolean;
  /** The trader is asked for documents: the page offers to send them. */
  readonly sendDocuments: boolean;
}

const PENDING = new Set(['submitted', 'accepted', 'assessed']);

/** The permits of every warning, each code once, in the order first met. */
export function permitsOf(warnings: NextStepsInput['warnings']): Permit[] {
  const seen = new Map<string, Permit>();
  for (const w of warnings) for (const p of w.permits ?? []) if (!seen.has(p.code)) seen.set(p.code, p);
  return [...seen.values()];
}

/**
 * What the trader has to do now, from the declaration's status first, then its lane, the permits its lines need and
 * what is still owed. A final status (released, rejected) says so and asks nothing more; a held one says why and
 * what to send; a red lane asks for the goods only until the officer has released them.
 */
export function nextSteps(d: NextStepsInput): NextSteps {
  const owed = Math.max((d.owedYen ?? 0) - (d.paidYen ?? 0), 0);
  const permits = permitsOf(d.warnings);
  const none = (key: MessageKey, vars?: Step['vars']): NextSteps => ({ steps: [vars ? { key, vars } : { key }], permits: [], nothing: true, sendDocuments: false });
  const reason = d.reason?.trim() ? d.reason.trim() : null;

  if (d.status === 'released') return none('todo.released');
  if (d.status === 'rejected') {
    return { steps: [reason ? { key: 'todo.rejected.reason', vars: { reason } } : { key: 'todo.rejected' }, { key: 'todo.rejected.next' }], permits: [], nothing: false, sendDocuments: false };
  }
  if (d.status === 'draft') return { steps: [{ key: 'todo.draft' }], permits, nothing: false, sendDocuments: false };

  const steps: Step[] = [];
  let sendDocuments = false;
  if (d.assessmentFailed) steps.push({ key: 'todo.assessmentFailed' });
  if (d.status === 'held') {
    steps.push(reason ? { key: 'todo.held.reason', vars: { reason } } : { key: 'todo.held' });
    steps.push({ key: 'todo.held.send' });
    sendDocuments = true;
  } else if (PENDING.has(d.status)) {
    if (!d.assessmentFailed) steps.push({ key: 'todo.pending' });
  } else if (d.status === 'lane_assigned') {
    if (d.lane === 'red') steps.push({ key: 'todo.red' });
    else if (d.lane === 'yellow') steps.push({ key: 'todo.yellow' });
    else if (permits.length === 0 && owed === 0) return none('todo.green.nothing');
    else if (permits.length === 0) steps.push({ key: 'todo.green' });
  }
  if (permits.length > 0) steps.push({ key: d.lane === 'green' && d.status === 'lane_assigned' ? 'todo.permits.green' : 'todo.permits' });
  if (owed > 0 && (d.status === 'lane_assigned' || d.status === 'held')) {
    // Paying releases the goods by itself only on a green lane not held by an officer.
    steps.push({ key: d.lane === 'green' && d.status === 'lane_assigned' ? 'todo.pay.release' : 'todo.pay', vars: { amount: owed } });
  }
  return { steps, permits, nothing: false, sendDocuments };
}

/** Other-law codes of the schedule's table (jp_other_laws_codes.json) that have a name in the catalogues. */
export const LAW_CODES: ReadonlySet<string> = new Set(['FE', 'IQ', 'HU', 'FS', 'ST', 'PD', 'AD', 'CC', 'NA', 'OP', 'PA', 'FL', 'FR', 'SP', 'MA', 'FM', 'EX', 'CR', 'PS', 'AM', 'PE', 'AC', 'IA', 'PM', 'SH', 'FD', 'PL', 'RA', 'AN', 'GA', 'SA']);

/** Ministries and agencies named in the other-law table, for the English page (the table is in Japanese). */
const AUTHORITIES: readonly [string, string][] = [
  ['財務省', 'Ministry of Finance'],
  ['経済産業省', 'Ministry of Economy, Trade and Industry'],
  ['資源エネルギー庁', 'Agency for Natural Resources and Energy'],
  ['環境省', 'Ministry of the Environment'],
  ['警察庁', 'National Police Agency'],
  ['国税庁', 'National Tax Agency'],
  ['厚生労働省', 'Ministry of Health, Labour and Welfare'],
  ['農林水産省', 'Ministry of Agriculture, Forestry and Fisheries'],
  ['水産庁', 'Fisheries Agency'],
  ['総務省', 'Ministry of Internal Affairs and Communications'],
];

/** The authorities a ministry text names, in English (several when two share a law). */
export function authorityEn(ministry: string): string[] {
  return AUTHORITIES.filter(([ja]) => ministry.includes(ja))
    .map(([ja, en]) => ({ at: ministry.indexOf(ja), en }))
    .sort((a, b) => a.at - b.at)
    .map((a) => a.en);
}

/** The table numbers its laws ("25. 食品衛生法", "1．外国為替…", "(2) 輸入貿易管理令"); the name alone reads better. */
export const lawName = (law: string): string => law.replace(/^\s*(\d+\s*[.．]|\(\d+\))\s*/, '').trim();
