import type { PassengersRepo } from '../../adapters/store/passengers.repo.ts';
import type { Assessment, Verdict, Verification } from '../../modules/passengers/index.ts';
import type { GateKeyring } from './gate-keys.ts';

/** What a gate shows the officer: the verdict in words, and for a known pass whose declaration it stands for. */
export interface GateAnswer {
  readonly verdict: Verdict;
  readonly reason: string;
  readonly kid?: string;
  readonly declarationId?: string;
  readonly arrival?: string;
  readonly expiresAt?: string;
  readonly assessment?: {
    readonly totalDutyYen: number;
    readonly requiresOfficerAssessment: boolean;
    readonly dutyPayable: boolean;
  };
}

const answer = (v: Verification, assessment?: Assessment): GateAnswer => {
  // A tampered or malformed pass says nothing about a declaration: its claims are not to be believed.
  const trusted = v.claims && (v.verdict === 'valid' || v.verdict === 'replay' || v.verdict === 'expired');
  return {
    verdict: v.verdict,
    reason: v.reason,
    ...(v.kid ? { kid: v.kid } : {}),
    ...(trusted && v.claims
      ? { declarationId: v.claims.did, arrival: v.claims.arr, expiresAt: new Date(v.claims.exp * 1000).toISOString() }
      : {}),
    ...(assessment
      ? {
          assessment: {
            totalDutyYen: assessment.totalDutyYen,
            requiresOfficerAssessment: assessment.requiresOfficerAssessment,
            dutyPayable: assessment.totalDutyYen > 0,
          },
        }
      : {}),
  };
};

/**
 * Online gate verification: signature, key, validity period (the offline verifier), then the stored declaration's
 * digest, then the replay guard on gate_uses — in that order, so a bad pass never burns a pass id. Every input gets
 * a verdict; only a database failure throws.
 */
export class GateService {
  constructor(
    private readonly repo: PassengersRepo,
    private readonly keyring: GateKeyring,
  ) {}

  async verify(token: unknown): Promise<GateAnswer> {
    let v = this.keyring.verifier().check(token);
    // Another node may have rotated the keys since this one loaded them.
    if (v.verdict === 'unknown_key' && (await this.keyring.reloadIfStale())) v = this.keyring.verifier().check(token);
    if (v.verdict !== 'valid' || !v.claims) return answer(v);
    const { did, dig, jti, arr } = v.claims;
    const stored = await this.repo.declaration(did);
    if (stored && stored.digest !== dig) {
      return answer({ verdict: 'tampered', reason: 'The declaration does not match the digest in the pass', ...(v.kid ? { kid: v.kid } : {}) });
    }
    const assessment = stored?.assessment as Assessment | undefined;
    if (!(await this.repo.firstUse(jti, arr))) {
      return answer({ ...v, verdict: 'replay', reason: `Pass ${jti} was already used on arrival ${arr}` }, assessment);
    }
    const reason = stored ? v.reason : `${v.reason}; the declaration is no longer stored (retention period over)`;
    return answer({ ...v, reason }, assessment);
  }
}
