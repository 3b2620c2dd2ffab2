import { createPublicKey, randomBytes, type JsonWebKey } from 'node:crypto';
import {
  GatePassVerifier,
  gateKeyFromPem,
  generateGateKey,
  type GateSigningKey,
} from '../../modules/passengers/index.ts';

/** What `passengers.signingKeys` holds in the settings table. */
export interface StoredGateKeys {
  readonly current: string;
  /** PKCS#8 PEM of the current kid's private key. */
  readonly privateKeyPem: string;
  /** Public JWKs of the current and previous kids, newest first: passes signed before a rotation stay verifiable. */
  readonly publicKeys: readonly StoredPublicKey[];
}

export interface StoredPublicKey {
  readonly kid: string;
  readonly jwk: JsonWebKey;
  readonly createdAt: string;
  /**
   * Set when the key is made: its passes are tracked in PassExpiries (the latest expiry signed, per kid). Keys stored
   * before tracking existed have none and are kept.
   */
  readonly passesUntil?: string;
  /** When it stopped signing; it is kept at least RETIRED_GRACE_MS after, for passes signed by paths that note nothing. */
  readonly retiredAt?: string;
}

/**
 * The latest pass expiry signed with each kid, in a settings row of its own: the issuing path writes it, and a write
 * there can never undo a rotation written meanwhile by another node (as a write of the whole ring could).
 */
export interface PassExpiries {
  get(): Promise<Readonly<Record<string, string>> | undefined>;
  put(value: Readonly<Record<string, string>>): Promise<void>;
}

export const PASS_EXPIRIES_SETTING = 'passengers.signingKeys.passesUntil';

export interface KeySettings {
  /** Writes the value only if the setting is absent; returns what is stored (first writer wins across nodes). */
  once(value: StoredGateKeys): Promise<StoredGateKeys>;
  get(): Promise<StoredGateKeys | undefined>;
  put(value: StoredGateKeys): Promise<void>;
}

export const SIGNING_KEYS_SETTING = 'passengers.signingKeys';
const DAY_MS = 86_400_000;
/** Longer than a pass for a traveller declaring on the day of arrival lives (arrival date + 2 days). */
const RETIRED_GRACE_MS = 3 * DAY_MS;
/** A pass naming an unknown kid reloads the keys (another node may have rotated), at most this often. */
const RELOAD_EVERY_MS = 10_000;

/**
 * A previous key is kept exactly as long as a pass it signed can still be presented: whatever the number of rotations
 * (a pass for an arrival months ahead keeps its key that long), and no longer (a key that signed nothing still valid
 * goes at the next rotation).
 */
const stillNeeded = (k: StoredPublicKey, now: Date, expiries: Readonly<Record<string, string>>): boolean =>
  k.passesUntil === undefined ||
  Date.parse(k.passesUntil) > now.getTime() ||
  (expiries[k.kid] !== undefined && Date.parse(expiries[k.kid]!) > now.getTime()) ||
  (k.retiredAt !== undefined && Date.parse(k.retiredAt) + RETIRED_GRACE_MS > now.getTime());

function freshKeys(now: Date, previous: readonly StoredPublicKey[] = [], retiring?: string, expiries: Readonly<Record<string, string>> = {}): StoredGateKeys {
  const kid = `gk-${now.toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(3).toString('hex')}`;
  const key = generateGateKey(kid);
  const privateKeyPem = key.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  return {
    current: kid,
    privateKeyPem,
    publicKeys: [
      { kid, jwk: key.publicJwk, createdAt: now.toISOString(), passesUntil: now.toISOString() },
      ...previous.map((k) => (k.kid === retiring && k.retiredAt === undefined ? { ...k, retiredAt: now.toISOString() } : k)).filter((k) => stillNeeded(k, now, expiries)),
    ],
  };
}

/** One process only (tests, a single node without settings): the expiries live in memory. */
function memoryExpiries(): PassExpiries {
  let value: Readonly<Record<string, string>> | undefined;
  return {
    get: async () => value,
    put: async (v) => {
      value = v;
    },
  };
}

const later = (a: string | undefined, b: string): string => (a !== undefined && Date.parse(a) >= Date.parse(b) ? a : b);

/**
 * The gate-pass key ring: an Ed25519 key pair made on first start and kept in settings, rotated by an admin. Signs
 * with the current kid; verifies with every kid it keeps. Several API nodes share the ring through the settings row.
 */
export class GateKeyring {
  private signing!: GateSigningKey;
  private stored!: StoredGateKeys;
  private cachedVerifier: GatePassVerifier | null = null;
  private lastReload = 0;

  /** What this node last wrote or read of PassExpiries: most passes need no write at all. */
  private noted: Record<string, string> = {};

  private constructor(
    private readonly settings: KeySettings,
    private readonly now: () => Date,
    private readonly expiries: PassExpiries,
  ) {}

  static async open(settings: KeySettings, now: () => Date = () => new Date(), expiries: PassExpiries = memoryExpiries()): Promise<GateKeyring> {
    const ring = new GateKeyring(settings, now, expiries);
    ring.use((await settings.get()) ?? (await settings.once(freshKeys(now()))));
    return ring;
  }

  private use(stored: StoredGateKeys): void {
    this.stored = stored;
    this.signing = gateKeyFromPem(stored.current, stored.privateKeyPem);
    this.cachedVerifier = null;
  }

  signer(): GateSigningKey {
    return this.signing;
  }

  get currentKid(): string {
    return this.stored.current;
  }

  /**
   * A verifier over every kept public key, rebuilt only after a reload or rotation (its header cache lives in it).
   * No replay guard here: the gate service checks the stored declaration between signature and replay.
   */
  verifier(): GatePassVerifier {
    this.cachedVerifier ??= new GatePassVerifier({ keys: this.stored.publicKeys.map((k) => ({ kid: k.kid, key: k.jwk })) });
    return this.cachedVerifier;
  }

  /** The published key set (RFC 7517 JWK Set) with PEMs for verifiers that take those. */
  publicKeys(): { current: string; keys: (JsonWebKey & { kid: string; pem: string; createdAt: string })[] } {
    return {
      current: this.stored.current,
      keys: this.stored.publicKeys.map((k) => ({
        ...k.jwk,
        kid: k.kid,
        createdAt: k.createdAt,
        pem: createPublicKey({ key: k.jwk, format: 'jwk' }).export({ format: 'pem', type: 'spki' }).toString(),
      })),
    };
  }

  /**
   * Records that a pass signed with `kid` is valid until `expS` (seconds), so that the key outlives it. Written only
   * when the day of the latest expiry moves forward (a few writes a day); merged into the latest stored ring.
   */
  async noteIssued(kid: string, expS: number): Promise<void> {
    const until = new Date(Math.ceil((expS * 1000) / DAY_MS) * DAY_MS).toISOString();
    const known = this.noted[kid];
    if (known !== undefined && Date.parse(known) >= Date.parse(until)) return;
    const latest = { ...((await this.expiries.get()) ?? {}) };
    latest[kid] = later(latest[kid], until);
    await this.expiries.put(latest);
    this.noted = latest;
  }

  /** New current key; the previous public keys stay as long as passes they signed are still valid. */
  async rotate(): Promise<string> {
    const latest = (await this.settings.get()) ?? this.stored;
    const next = freshKeys(this.now(), latest.publicKeys, latest.current, (await this.expiries.get()) ?? {});
    await this.settings.put(next);
    this.use(next);
    return next.current;
  }

  /** Re-reads the ring when another node may have rotated it; true when something changed. */
  async reloadIfStale(): Promise<boolean> {
    const t = this.now().getTime();
    if (t - this.lastReload < RELOAD_EVERY_MS) return false;
    this.lastReload = t;
    const latest = await this.settings.get();
    if (!latest || JSON.stringify(latest.publicKeys) === JSON.stringify(this.stored.publicKeys)) return false;
    this.use(latest);
    return true;
  }
}
