import type { ArrivalRecord, PassengersRepo, StoredArrival } from '../../adapters/store/passengers.repo.ts';
import {
  WatchList,
  normaliseFlight,
  parsePaxlst,
  screenArrivals,
  type ApiPassenger,
  type Assessment,
  type IdentifierKeyer,
  type StoredDeclaration,
  type WatchRule,
} from '../../modules/passengers/index.ts';
import type { ProtectedDeclarationData } from './declarations.service.ts';
import { retainUntil } from './declarations.service.ts';

export interface UploadedArrival {
  readonly id: number;
  readonly flight: string;
  readonly arrivalDate: string;
  readonly role: string;
  readonly familyName: string;
  readonly givenNames: string;
  readonly channel: string;
  readonly reasons: unknown;
  readonly declarationId: string | null;
}

export interface UploadResult {
  readonly messages: number;
  readonly warnings: readonly string[];
  readonly passengers: readonly UploadedArrival[];
}

/** Watch rules are stored as `<on>:<hmac>` in one column. */
export const watchRuleOf = (r: { id: string; identifierKey: string; reason: string }): WatchRule | null => {
  const m = /^(document|person):(.+)$/.exec(r.identifierKey);
  return m ? { id: r.id, on: m[1] as WatchRule['on'], key: m[2]!, reason: r.reason } : null;
};

const arrivalDateOf = (p: ApiPassenger): string => p.arrivalAt?.slice(0, 10) ?? '';

/**
 * Advance passenger information for the officers: a PAXLST interchange is parsed, its identifiers replaced by keyed
 * hashes (no passport number goes further than `screenArrivals`), matched to the declarations of the same flight and
 * date, screened against the watch rules, and kept with the suggested channel until the retention period ends.
 */
export class ArrivalsService {
  constructor(
    private readonly repo: PassengersRepo,
    private readonly keyer: IdentifierKeyer,
    private readonly retentionDays: number,
    private readonly now: () => Date,
  ) {}

  async upload(text: string): Promise<UploadResult> {
    const parsed = parsePaxlst(text);
    if (!parsed.ok) throw parsed.error;
    const all = parsed.value.messages.flatMap((m) => m.passengers);
    const watchList = new WatchList((await this.repo.watchRules()).flatMap((r) => watchRuleOf(r) ?? []));
    const groups = new Map<string, ApiPassenger[]>();
    for (const p of all) {
      const k = `${normaliseFlight(p.flight ?? '')}|${arrivalDateOf(p)}`;
      groups.set(k, [...(groups.get(k) ?? []), p]);
    }
    const now = this.now();
    const out: UploadedArrival[] = [];
    for (const [k, passengers] of groups) {
      const [flight, arrivalDate] = k.split('|') as [string, string];
      const stored = flight && arrivalDate ? await this.repo.declarationsFor(flight, arrivalDate) : [];
      const declarations: StoredDeclaration[] = stored.map((s) => ({ id: s.id, declaration: (s.data as ProtectedDeclarationData).declaration }));
      const assessments = new Map(stored.map((s) => [s.id, s.assessment as Assessment]));
      const screened = screenArrivals({ passengers, declarations, assessments, keyer: this.keyer, watchList });
      const records: ArrivalRecord[] = screened.map((s) => ({
        flight,
        arrivalDate,
        data: { ...s.passenger, ...(s.person ? { person: s.person } : {}) },
        documentKey: s.passenger.documents[0]?.numberKey ?? s.passenger.personKey ?? '',
        channel: s.suggestion.channel,
        reasons: s.suggestion.reasons,
        declarationId: s.declarationId ?? null,
        expiresAt: retainUntil(/^\d{4}-\d{2}-\d{2}$/.test(arrivalDate) ? arrivalDate : now.toISOString().slice(0, 10), now, this.retentionDays),
      }));
      const ids = await this.repo.addArrivals(records);
      screened.forEach((s, i) =>
        out.push({
          id: ids[i]!,
          flight,
          arrivalDate,
          role: s.passenger.role,
          familyName: s.passenger.familyName,
          givenNames: s.passenger.givenNames,
          channel: s.suggestion.channel,
          reasons: s.suggestion.reasons,
          declarationId: s.declarationId ?? null,
        }),
      );
    }
    return { messages: parsed.value.messages.length, warnings: parsed.value.messages.flatMap((m) => m.warnings), passengers: out };
  }

  async list(filter: { flight?: string; date?: string }): Promise<StoredArrival[]> {
    return this.repo.arrivals({
      ...(filter.flight ? { flight: normaliseFlight(filter.flight) } : {}),
      ...(filter.date ? { arrivalDate: filter.date } : {}),
    });
  }
}
