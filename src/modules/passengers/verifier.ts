import { KeyObject, createPublicKey, verify as verifySignature, type JsonWebKey } from 'node:crypto';
import { declarationDigest } from './canonical-json.ts';
import { reasonsFromClaim, type GateReason } from './gate-reasons.ts';

/**
 * Offline gate-pass verifier. Depends on nothing of the platform but node:crypto (and canonical-json.ts), so a gate
 * can embed it with only the public keys. A gate pass is a compact JWS (RFC 7515) signed with Ed25519 (`EdDSA`,
 * the default) or ECDSA P-256 (`ES256`, about twice as fast to verify with OpenSSL 3.0), so any JOSE library can
 * verify it too. The algorithm follows from the key a kid names; a header claiming another one is rejected. Every input gets a verdict; no input makes `verify` throw (only a failing
 * replay store does, since that is an infrastructure fault and not a property of the pass).
 */
export type Verdict = 'valid' | 'red_channel' | 'expired' | 'tampered' | 'unknown_key' | 'malformed' | 'replay';

export interface GatePassClaims {
  /** Unique pass id: the replay key. */
  readonly jti: string;
  readonly iat: number;
  readonly exp: number;
  /** Declaration id. */
  readonly did: string;
  /** SHA-256 (base64url) of the declaration's canonical JSON. */
  readonly dig: string;
  /** The arrival the pass is for: `<flight>/<arrival date>`. */
  readonly arr: string;
  /**
   * Why the declaration sends the traveller to the red channel, when it does (short codes, see claimCodeOf). Passes issued before
   * this claim existed have none: an offline gate cannot tell their channel, the online gate reads the declaration.
   */
  readonly red?: readonly string[];
  /** Duty and taxes payable (yen), with `red`. */
  readonly duty?: number;
}

export interface Verification {
  readonly verdict: Verdict;
  readonly reason: string;
  readonly kid?: string;
  readonly claims?: GatePassClaims;
  /** With `red_channel`: why, as codes and words. */
  readonly reasons?: readonly GateReason[];
}

/** Port: has this pass already been used on this arrival? Returns true the first time only. */
export interface ReplayGuard {
  firstUse(jti: string, arrivalKey: string): Promise<boolean> | boolean;
}

export interface PublicGateKey {
  readonly kid: string;
  /** An Ed25519 or P-256 public key: a KeyObject or its JWK (`{kty:'OKP', crv:'Ed25519', x}`, `{kty:'EC', crv:'P-256', …}`). */
  readonly key: KeyObject | JsonWebKey;
}

export interface VerifierOptions {
  readonly keys: readonly PublicGateKey[];
  readonly replayGuard?: ReplayGuard;
  readonly now?: () => number;
  /** Clock skew tolerated between issuer and gate, seconds. */
  readonly leewaySeconds?: number;
}

export interface VerifyOptions {
  /** When the gate holds the declaration, its digest must match the pass. */
  readonly declaration?: unknown;
}

const MAX_TOKEN = 4096;
const B64URL = /^[A-Za-z0-9_-]+$/;

const bad = (verdict: Verdict, reason: string, extra: Partial<Verification> = {}): Verification => ({
  verdict,
  reason,
  ...extra,
});

function parseJsonObject(b64: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(b64, 'base64url').toString('utf8'));
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function claimsOf(p: Record<string, unknown>): GatePassClaims | null {
  const { jti, iat, exp, did, dig, arr, red, duty } = p;
  const str = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.length <= 200;
  const int = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
  if (!(str(jti) && int(iat) && int(exp) && str(did) && str(dig) && str(arr))) return null;
  if (red !== undefined && !(Array.isArray(red) && red.length <= 20 && red.every(str))) return null;
  if (duty !== undefined && !int(duty)) return null;
  return { jti, iat, exp, did, dig, arr, ...(red !== undefined ? { red: red as string[] } : {}), ...(duty !== undefined ? { duty } : {}) };
}

export type GatePassAlg = 'EdDSA' | 'ES256';

/** The JWS algorithm a key is used with, or null for keys gate passes do not use. */
export function algOfKey(k: KeyObject): GatePassAlg | null {
  if (k.asymmetricKeyType === 'ed25519') return 'EdDSA';
  if (k.asymmetricKeyType === 'ec' && k.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ES256';
  return null;
}

interface KnownKey {
  readonly kid: string;
  readonly key: KeyObject;
  readonly alg: GatePassAlg;
}

const HEADER_CACHE_MAX = 64;

export class GatePassVerifier {
  private readonly keys = new Map<string, KnownKey>();
  /** Passes signed with one key share one header; parsing it once per key saves a decode and a JSON.parse. */
  private readonly headers = new Map<string, KnownKey>();
  private readonly now: () => number;
  private readonly leeway: number;

  constructor(private readonly options: VerifierOptions) {
    for (const { kid, key } of options.keys) {
      const k = key instanceof KeyObject ? key : createPublicKey({ key, format: 'jwk' });
      const alg = algOfKey(k);
      if (k.type !== 'public' || alg === null)
        throw new TypeError(`Gate key ${kid} is not an Ed25519 or P-256 public key`);
      this.keys.set(kid, { kid, key: k, alg });
    }
    this.now = options.now ?? (() => Math.floor(Date.now() / 1000));
    this.leeway = options.leewaySeconds ?? 30;
  }

  async verify(token: unknown, opts: VerifyOptions = {}): Promise<Verification> {
    const checked = this.check(token, opts);
    if (checked.verdict !== 'valid' || !this.options.replayGuard) return checked;
    const { jti, arr } = checked.claims!;
    const first = await this.options.replayGuard.firstUse(jti, arr);
    return first
      ? checked
      : { ...checked, verdict: 'replay', reason: `Pass ${jti} was already used on arrival ${arr}` };
  }

  /**
   * Everything but the replay check, synchronously. A red-channel pass is not recorded as used: it opens nothing, and
   * the officer who then scans it must see the same red verdict, not a replay.
   */
  check(token: unknown, opts: VerifyOptions = {}): Verification {
    if (typeof token !== 'string') return bad('malformed', 'The pass is not text');
    if (token.length > MAX_TOKEN) return bad('malformed', 'The pass is too long');
    const t = token.trim();
    const parts = t.split('.');
    if (parts.length !== 3 || !parts.every((p) => B64URL.test(p))) {
      return bad('malformed', 'Not a compact JWS (three base64url parts)');
    }
    const [h, p, s] = parts as [string, string, string];
    const known = this.headerKey(h);
    if ('verdict' in known) return known;
    const { kid, key, alg } = known;
    const signature = Buffer.from(s, 'base64url');
    const data = Buffer.from(t.slice(0, h.length + p.length + 1), 'latin1');
    const signed =
      signature.length === 64 &&
      (alg === 'EdDSA'
        ? verifySignature(null, data, key, signature)
        : verifySignature('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, signature));
    if (!signed) return bad('tampered', 'The signature does not match the contents', { kid });
    const payload = parseJsonObject(p);
    const claims = payload && claimsOf(payload);
    if (!claims) return bad('malformed', 'The signed claims are incomplete', { kid });
    if (opts.declaration !== undefined && declarationDigest(opts.declaration) !== claims.dig) {
      return bad('tampered', 'The declaration does not match the digest in the pass', { kid, claims });
    }
    const now = this.now();
    if (claims.iat > now + this.leeway) return bad('malformed', 'The pass is issued in the future', { kid, claims });
    if (now > claims.exp + this.leeway) return bad('expired', `The pass expired at ${claims.exp}`, { kid, claims });
    // A genuine pass whose declaration owes duty, needs an officer or answered "yes" never opens the gate.
    if (claims.red && claims.red.length > 0) {
      return {
        verdict: 'red_channel',
        reason: 'The declaration sends the traveller to the red channel',
        kid,
        claims,
        reasons: reasonsFromClaim(claims.red, claims.duty ?? 0),
      };
    }
    return { verdict: 'valid', reason: 'Signature, key and validity period check out', kid, claims };
  }

  private headerKey(h: string): KnownKey | Verification {
    const cached = this.headers.get(h);
    if (cached) return cached;
    const header = parseJsonObject(h);
    if (header === null) return bad('malformed', 'The header is not a JSON object');
    const alg = header['alg'];
    if (alg !== 'EdDSA' && alg !== 'ES256')
      return bad('malformed', `Unsupported algorithm ${JSON.stringify(alg ?? null).slice(0, 40)}`);
    const kid = header['kid'];
    if (typeof kid !== 'string') return bad('malformed', 'The header has no key id');
    const known = this.keys.get(kid);
    if (!known) return bad('unknown_key', `No public key with id ${JSON.stringify(kid.slice(0, 64))}`);
    // A header naming a key with another algorithm has been altered (algorithm confusion).
    if (known.alg !== alg) return bad('tampered', `Key ${kid} is not an ${alg} key`, { kid });
    if (this.headers.size < HEADER_CACHE_MAX) this.headers.set(h, known);
    return known;
  }
}
