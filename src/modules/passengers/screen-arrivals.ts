import type { Assessment } from './assessment.schema.ts';
import type { IdentifierKeyer } from './identifier-keys.ts';
import { matchDeclarations, type StoredDeclaration } from './match-declarations.ts';
import type { ApiPassenger } from './paxlst.ts';
import { protectPassenger, type ProtectedPassenger } from './protect-passenger.ts';
import { suggestChannel, type ChannelSuggestion } from './suggest-channel.ts';
import type { WatchList } from './watch-rules.ts';

/**
 * Advance passenger information for one arrival, end to end: protect identifiers (the clear document numbers go no
 * further than this function), match declarations, apply watch rules, suggest a channel per person.
 */
export interface ScreenedPassenger {
  readonly passenger: ProtectedPassenger;
  readonly declarationId?: string;
  readonly person?: string;
  readonly suggestion: ChannelSuggestion;
}

export function screenArrivals(input: {
  readonly passengers: readonly ApiPassenger[];
  readonly declarations: readonly StoredDeclaration[];
  /** Assessments by declaration id, when already computed. */
  readonly assessments?: ReadonlyMap<string, Assessment>;
  readonly keyer: IdentifierKeyer;
  readonly watchList: WatchList;
}): ScreenedPassenger[] {
  const protectedPassengers = input.passengers.map((p) => protectPassenger(p, input.keyer));
  const { matches } = matchDeclarations(protectedPassengers, input.declarations);
  const byPassenger = new Map(matches.map((m) => [m.passenger, m]));
  const declarations = new Map(input.declarations.map((d) => [d.id, d.declaration]));
  return protectedPassengers.map((passenger, i) => {
    const m = byPassenger.get(i);
    const declaration = m ? declarations.get(m.declarationId) : undefined;
    // Crew carry no personal-effects declaration in this flow; they are screened on watch rules only.
    const crew = passenger.role === 'crew';
    const assessment = m && m.person === 'traveller' ? input.assessments?.get(m.declarationId) : undefined;
    const suggestion = suggestChannel({
      watchHits: input.watchList.hits(passenger),
      ...(declaration ? { declaration } : {}),
      ...(assessment ? { assessment } : {}),
    });
    const result =
      crew && !declaration
        ? { ...suggestion, reasons: suggestion.reasons.filter((r) => r.code !== 'NO_DECLARATION') }
        : suggestion;
    const final: ChannelSuggestion =
      result.reasons.length === 0
        ? { channel: 'green', reasons: [{ code: 'CREW', text: 'Crew member, no watch-rule hit' }] }
        : result;
    return { passenger, ...(m ? { declarationId: m.declarationId, person: m.person } : {}), suggestion: final };
  });
}
