import { describe, expect, it } from 'vitest';
import { issueGatePass } from '../../modules/passengers/index.ts';
import { GateKeyring, type KeySettings, type StoredGateKeys } from './gate-keys.ts';

/** One settings row shared by several "nodes", as the settings table is. */
function sharedSettings(): KeySettings & { value: StoredGateKeys | undefined } {
  const s = {
    value: undefined as StoredGateKeys | undefined,
    once: async (v: StoredGateKeys) => (s.value ??= v),
    get: async () => s.value,
    put: async (v: StoredGateKeys) => {
      s.value = v;
    },
  };
  return s;
}

const pass = (ring: GateKeyring, nowS: number) =>
  issueGatePass(ring.signer(), { declarationId: 'pdec_1', declaration: {}, flightNumber: 'NH12', arrivalDate: '2026-12-01', issuedAt: nowS, ttlSeconds: 600 });

describe('GateKeyring', () => {
  it('makes one Ed25519 key pair on first start and every node then uses it', async () => {
    const settings = sharedSettings();
    const a = await GateKeyring.open(settings);
    const b = await GateKeyring.open(settings);
    expect(a.currentKid).toBe(b.currentKid);
    expect(a.signer().privateKey.asymmetricKeyType).toBe('ed25519');
    expect(b.verifier().check(pass(a, Math.floor(Date.now() / 1000))).verdict).toBe('valid');
  });

  it('keeps verifying passes of the previous key after a rotation, and publishes no private key', async () => {
    const ring = await GateKeyring.open(sharedSettings());
    const old = pass(ring, Math.floor(Date.now() / 1000));
    const before = ring.currentKid;
    expect(await ring.rotate()).not.toBe(before);
    expect(ring.verifier().check(old).verdict).toBe('valid');
    expect(ring.verifier().check(pass(ring, Math.floor(Date.now() / 1000))).kid).toBe(ring.currentKid);
    const published = ring.publicKeys();
    expect(published.keys.map((k) => k.kid)).toEqual([ring.currentKid, before]);
    expect(JSON.stringify(published)).not.toMatch(/PRIVATE|"d":/);
  });

  it('learns a rotation made by another node when a pass names the new key, at most every ten seconds', async () => {
    const settings = sharedSettings();
    let t = Date.parse('2026-12-01T00:00:00Z');
    const now = () => new Date(t);
    const a = await GateKeyring.open(settings, now);
    const b = await GateKeyring.open(settings, now);
    await a.rotate();
    const fresh = pass(a, Math.floor(Date.now() / 1000));
    expect(b.verifier().check(fresh).verdict).toBe('unknown_key');
    t += 10_000;
    expect(await b.reloadIfStale()).toBe(true);
    expect(b.verifier().check(fresh).verdict).toBe('valid');
    // A flood of passes naming unknown kids does not turn into a flood of database reads.
    await a.rotate();
    expect(await b.reloadIfStale()).toBe(false);
    t += 10_000;
    expect(await b.reloadIfStale()).toBe(true);
  });
});
