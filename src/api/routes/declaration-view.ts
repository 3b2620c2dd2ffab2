import { requestedFor } from './requested.ts';
import type { Principal } from '../../adapters/store/principals.repo.ts';
import type { Declaration } from '../../modules/declarations/index.ts';

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
  const { risk, ...rest } = d;
  if (viewer.role !== 'trader') return { ...rest, risk };
  return {
    ...rest,
    requested: requestedFor(d, { red: REQUESTED['red']!, yellow: REQUESTED['yellow']! }),
    howToContest: d.lane ? CONTEST : null,
  };
}

export function canSee(d: Declaration, viewer: Principal): boolean {
  return viewer.role !== 'trader' || d.ownerId === viewer.id;
}
