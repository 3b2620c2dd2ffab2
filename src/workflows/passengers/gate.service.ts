import type { PassengersRepo, StoredPassengerDeclaration } from '../../adapters/store/passengers.repo.ts';
import {
  WatchList,
  gateReasons,
  reasonsFromClaim,
  type Assessment,
  type GateLang,
  type GateReason,
  type IdentifierKeyer,
  type PassengerDeclaration,
  type ProtectedPassenger,
  type Verdict,
  type Verification,
} from '../../modules/passengers/index.ts';
import { watchRuleOf } from './arrivals.service.ts';
import type { ProtectedDeclarationData } from './declarations.service.ts';
import type { GateKeyring } from './gate-keys.ts';

/** What a gate shows the officer: the verdict in words, and for a known pass whose declaration it stands for. */
export interface GateAnswer {
  readonly verdict: Verdict;
  readonly reason: string;
  /** With `red_channel`: every reason, as a code, its parameters and a message. */
  readonly reasons?: readonly GateReason[];
  readonly kid?: string;
  readonly declarationId?: string;
  readonly arrival?: string;
  readonly expiresAt?: string;
  /** Who declared (to compare with the passport) and what, for the officer; absent once the retention period is over. */
  readonly traveller?: { readonly familyName: string; readonly givenNames: string; readonly dateOfBirth: string; readonly nationality: string };
  readonly goods?: PassengerDeclaration['goods'];
  readonly assessment?: {
    readonly totalDutyYen: number;
    readonly totalUnitYen?: number;
    readonly requiresOfficerAssessment: boolean;
    readonly dutyPayable: boolean;
    readonly lines: Assessment['lines'];
  };
}

const answer = (v: Verification, stored?: StoredPassengerDeclaration): GateAnswer => {
  // A tampered or malformed pass says nothing about a declaration: its claims are not to be believed.
  const trusted = v.claims && (v.verdict === 'valid' || v.verdict === 'red_channel' || v.verdict === 'replay' || v.verdict === 'expired');
  const assessment = stored?.assessment as Assessment | undefined;
  const declaration = (stored?.data as ProtectedDeclarationData | undefined)?.declaration;
  return {
    verdict: v.verdict,
    reason: v.reason,
    ...(v.verdict === 'red_channel' ? { reasons: v.reasons ?? [] } : {}),
    ...(v.kid ? { kid: v.kid } : {}),
    ...(trusted && v.claims
      ? { declarationId: v.claims.did, arrival: v.claims.arr, expiresAt: new Date(v.claims.exp * 1000).toISOString() }
      : {}),
    ...(declaration
      ? {
          traveller: {
            familyName: declaration.traveller.familyName,
            givenNames: declaration.traveller.givenNames,
            dateOfBirth: declaration.traveller.dateOfBirth,
            nationality: declaration.traveller.nationality,
          },
          goods: declaration.goods ?? {},
        }
      : {}),
    ...(assessment
      ? {
          assessment: {
            totalDutyYen: assessment.totalDutyYen,
            ...(assessment.totalUnitYen !== undefined ? { totalUnitYen: assessment.totalUnitYen } : {}),
            requiresOfficerAssessment: assessment.requiresOfficerAssessment,
            dutyPayable: assessment.totalDutyYen > 0,
            lines: assessment.lines,
          },
        }
      : {}),
  };
};

/**
 * Online gate verification: signature, key, validity period (the offline verifier), then the stored declaration's
 * digest, then the channel, then the replay guard on gate_uses — in that order, so a bad pass never burns a pass id.
 * `valid` only for a pass whose declaration owes nothing, needs no officer, answered every question no and whose
 * traveller no watch rule matches; any of those gives `red_channel` with its reasons, and burns nothing (the officer
 * who then scans it sees the same verdict). Every input gets a verdict; only a database failure throws.
 */
export class GateService {
  constructor(
    private readonly repo: PassengersRepo,
    private readonly keyring: GateKeyring,
    private readonly keyer: IdentifierKeyer,
  ) {}

  async verify(token: unknown, lang: GateLang = 'en'): Promise<GateAnswer> {
    let v = this.keyring.verifier().check(token);
    // Another node may have rotated the keys since this one loaded them.
    if (v.verdict === 'unknown_key' && (await this.keyring.reloadIfStale())) v = this.keyring.verifier().check(token);
    if ((v.verdict !== 'valid' && v.verdict !== 'red_channel') || !v.claims) return answer(v);
    const { did, dig, jti, arr } = v.claims;
    const stored = await this.repo.declaration(did);
    if (stored && stored.digest !== dig) {
      return answer({ verdict: 'tampered', reason: 'The declaration does not match the digest in the pass', ...(v.kid ? { kid: v.kid } : {}) });
    }
    // The stored declaration and today's watch rules decide; past retention only the signed claim is left.
    const reasons = stored ? await this.reasonsFor(stored, lang) : reasonsFromClaim(v.claims.red ?? [], v.claims.duty ?? 0, lang);
    if (reasons.length > 0 || v.verdict === 'red_channel') {
      return answer({ ...v, verdict: 'red_channel', reason: 'The traveller goes to the red channel', reasons }, stored);
    }
    if (!(await this.repo.firstUse(jti, arr))) {
      return answer({ ...v, verdict: 'replay', reason: `Pass ${jti} was already used on arrival ${arr}` }, stored);
    }
    const reason = stored ? v.reason : `${v.reason}; the declaration is no longer stored (retention period over)`;
    return answer({ ...v, reason }, stored);
  }

  /**
   * Red-channel reasons of a stored declaration: its answers and assessment, and the watch rules in force now on the
   * traveller's passport (as keyed hash), name and birth date, and on the advance-passenger records matched to it
   * (whose document may be another than the one the traveller typed).
   */
  private async reasonsFor(stored: StoredPassengerDeclaration, lang: GateLang): Promise<GateReason[]> {
    const data = stored.data as ProtectedDeclarationData;
    const d = data.declaration;
    const rules = (await this.repo.watchRules()).flatMap((r) => watchRuleOf(r) ?? []);
    let hits: ReturnType<WatchList['hits']> = [];
    if (rules.length > 0) {
      const list = new WatchList(rules);
      const self = {
        documents: data.passportKey ? [{ numberKey: data.passportKey }] : [],
        personKey: this.keyer.person(d.traveller.familyName, d.traveller.givenNames, d.traveller.dateOfBirth),
      } as unknown as ProtectedPassenger;
      const arrivals = await this.repo.arrivalsOfDeclaration(stored.flight, stored.arrivalDate, stored.id);
      const people = [self, ...arrivals.filter((a) => (a.data as { person?: string }).person === 'traveller').map((a) => a.data as ProtectedPassenger)];
      hits = people.flatMap((p) => list.hits(p));
    }
    return gateReasons({ watchHits: hits, declaration: d, assessment: stored.assessment as Assessment }, lang);
  }
}
