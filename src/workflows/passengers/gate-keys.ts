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
  readonly publicKeys: readonly { readonly kid: string; readonly jwk: JsonWebKey; readonly createdAt: string }[];
}

export interface KeySettings {
  /** Writes the value only if the setting is absent; returns what is stored (first writer wins across nodes). */
  once(value: StoredGateKeys): Promise<StoredGateKeys>;
  get(): Promise<StoredGateKeys | undefined>;
  put(value: StoredGateKeys): Promise<void>;
}

export const SIGNING_KEYS_SETTING = 'passengers.signingKeys';
/** Previous kids kept for verification; passes live days, rotations are rarer, so ten covers every pass in circulation. */
const KEEP_PUBLIC_KEYS = 10;
/** A pass naming an unknown kid reloads the keys (another node may have rotated), at most this often. */
const RELOAD_EVERY_MS = 10_000;

function freshKeys(now: Date, previous: StoredGateKeys['publicKeys'] = []): StoredGateKeys {
  const kid = `gk-${now.toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(3).toString('hex')}`;
  const key = generateGateKey(kid);
  const privateKeyPem = key.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  return {
    current: kid,
    privateKeyPem,
    publicKeys: [{ kid, jwk: key.publicJwk, createdAt: now.toISOString() }, ...previous].slice(0, KEEP_PUBLIC_KEYS),
  };
}

/**
 * The gate-pass key ring: an Ed25519 key pair made on first start and kept in settings, rotated by an admin. Signs
 * with the current kid; verifies with every kid it keeps. Several API nodes share the ring through the settings row.
 */
export class GateKeyring {
  private signing!: GateSigningKey;
  private stored!: StoredGateKeys;
  private cachedVerifier: GatePassVerifier | null = null;
  private lastReload = 0;

  private constructor(
    private readonly settings: KeySettings,
    private readonly now: () => Date,
  ) {}

  static async open(settings: KeySettings, now: () => Date = () => new Date()): Promise<GateKeyring> {
    const ring = new GateKeyring(settings, now);
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

  /** New current key; the previous public keys stay so passes already issued keep verifying. */
  async rotate(): Promise<string> {
    const latest = (await this.settings.get()) ?? this.stored;
    const next = freshKeys(this.now(), latest.publicKeys);
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
    if (!latest || (latest.current === this.stored.current && latest.publicKeys.length === this.stored.publicKeys.length)) return false;
    this.use(latest);
    return true;
  }
}
