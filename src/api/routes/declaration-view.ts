import { requestedFor } from './requested.ts';
import type { Principal } from '../../adapters/store/principals.repo.ts';
import { canApply, type Declaration } from '../../modules/declarations/index.ts';

/**
 * What an officer may still do with the declaration, so that a page arms only those forms: no decision once it is
 * released or rejected. A finding may be recorded at any time (a post-clearance audit finds things too).
 */
export function allowedActions(d: Declaration): string[] {
  const decisions = (['release', 'hold', 'reject'] as const).filter((a) => canApply(a, d.status));
  return [...decisions, ...(canApply('record_payment', d.status) ? ['payment'] : []), 'finding'];
}

const REQUESTED: Record<string, string> = {
  green: 'Nothing to present. The goods are released once the duty and taxes are paid.',
  yellow: 'Present the commercial documents (invoice, packing list, origin certificate if a preference is claimed) to the customs office.',
  red: 'Present the goods for examination at the customs office or bonded area, with the commercial documents.',
};

const CONTEST =
  'If you disagree with a decision, you may ask the customs office for an explanation and, within three months, ' +
  'file a request for re-examination (再調査の請求) or an administrative appeal (審査請求).';

/**
 * Traders see their declaration, its duty, the lane and what is requested — never targeting reasons, scores or
 * whether it was a random-control pick (that would teach evasion). Officers and analysts see everything.
 */
export function presentDeclaration(d: Declaration, viewer: Principal): Record<string, unknown> {
  const { risk, ...fields } = d;
  // Older clients read the amount paid inside the assessment; it is kept on the declaration and shown in both places.
  const assessment = d.assessment !== null && typeof d.assessment === 'object' && d.paidYen > 0 ? { ...d.assessment, paidYen: d.paidYen } : d.assessment;
  const rest = { ...fields, assessment };
  if (viewer.role !== 'trader') return { ...rest, risk, allowedActions: allowedActions(d) };
  return {
    ...rest,
    requested: requestedFor(d, { red: REQUESTED['red']!, yellow: REQUESTED['yellow']! }),
    howToContest: d.lane ? CONTEST : null,
  };
}

export function canSee(d: Declaration, viewer: Principal): boolean {
  return viewer.role !== 'trader' || d.ownerId === viewer.id;
}
