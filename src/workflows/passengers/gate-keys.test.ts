import { describe, expect, it } from 'vitest';
import { GatePassVerifier, issueGatePass } from '../../modules/passengers/index.ts';
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

  it('keeps every key through any number of rotations while a pass it signed is valid, and drops it after', async () => {
    let t = Date.parse('2026-12-01T00:00:00Z');
    const ring = await GateKeyring.open(sharedSettings(), () => new Date(t));
    const passes: { token: string; kid: string }[] = [];
    // Twelve rotations in a day, each key signing a pass for an arrival a month ahead.
    for (let i = 0; i < 12; i++) {
      const nowS = Math.floor(t / 1000);
      const exp = nowS + 30 * 86_400;
      const token = issueGatePass(ring.signer(), { declarationId: `pdec_${i}`, declaration: {}, flightNumber: 'NH12', arrivalDate: '2026-12-31', issuedAt: nowS, ttlSeconds: exp - nowS });
      await ring.noteIssued(ring.currentKid, exp);
      passes.push({ token, kid: ring.currentKid });
      await ring.rotate();
      t += 3_600_000;
    }
    const verifyAt = (nowS: number) => new GatePassVerifier({ keys: ring.publicKeys().keys.map((k) => ({ kid: k.kid, key: k })), now: () => nowS });
    const during = verifyAt(Math.floor(t / 1000));
    expect(passes.map((p) => during.check(p.token).verdict)).toEqual(passes.map(() => 'valid'));
    expect(ring.publicKeys().keys).toHaveLength(13);

    // Forty days later every one of those passes has expired: the next rotation keeps only the key it retires
    // (for a few days, in case a pass was signed just before).
    t += 40 * 86_400_000;
    const retired = ring.currentKid;
    await ring.rotate();
    expect(ring.publicKeys().keys.map((k) => k.kid)).toEqual([ring.currentKid, retired]);
    t += 4 * 86_400_000;
    const second = ring.currentKid;
    await ring.rotate();
    expect(ring.publicKeys().keys.map((k) => k.kid)).toEqual([ring.currentKid, second]);
  });

  it('records pass expiries apart from the key ring, so that a node noting a pass never undoes another node’s rotation', async () => {
    const settings = sharedSettings();
    let expiries: Record<string, string> | undefined;
    const shared = { get: async () => expiries, put: async (v: Record<string, string>) => void (expiries = { ...v }) };
    let t = Date.parse('2026-12-01T00:00:00Z');
    const now = () => new Date(t);
    const a = await GateKeyring.open(settings, now, shared);
    const b = await GateKeyring.open(settings, now, shared);
    const first = a.currentKid;
    await a.noteIssued(first, t / 1000 + 86_400);
    const rotated = await b.rotate();
    // Node a has not reloaded and still signs with the first key; noting that pass leaves b's rotation in place.
    await a.noteIssued(first, t / 1000 + 20 * 86_400);
    expect(settings.value!.current).toBe(rotated);
    expect(expiries![first]).toBe('2026-12-21T00:00:00.000Z');
    // A month on, the first key's passes have expired and it goes at the next rotation.
    t += 31 * 86_400_000;
    await b.rotate();
    expect(settings.value!.publicKeys.map((k) => k.kid)).not.toContain(first);
  });
});
