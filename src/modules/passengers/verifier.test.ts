import { randomBytes } from 'node:crypto';
import { compactVerify, importJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { generateGateKey, issueGatePass, type GateSigningKey } from './gate-pass.ts';
import { MemoryReplayGuard } from './replay-guard.ts';
import { GatePassVerifier, type Verdict } from './verifier.ts';

const NOW = 1_795_000_000;
const key = generateGateKey('gate-2026-11');
const declaration = { traveller: { familyName: 'YAMADA' }, flight: { flightNumber: 'NH012' } };
const pass = (
  over: { jti?: string; issuedAt?: number; ttlSeconds?: number; red?: { red: string[]; duty: number } } = {},
  k: GateSigningKey = key,
): string =>
  issueGatePass(k, {
    declarationId: 'pdec_1',
    declaration,
    flightNumber: 'NH012',
    arrivalDate: '2026-12-01',
    issuedAt: over.issuedAt ?? NOW - 60,
    ttlSeconds: over.ttlSeconds ?? 86_400,
    ...(over.jti ? { jti: over.jti } : {}),
    ...(over.red ? { red: over.red } : {}),
  });
const verifier = (guard = new MemoryReplayGuard()): GatePassVerifier =>
  new GatePassVerifier({ keys: [{ kid: key.kid, key: key.publicJwk }], replayGuard: guard, now: () => NOW });

const flip = (s: string, i: number): string => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);

describe('gate pass verification', () => {
  it('accepts a fresh pass once and calls the second presentation on the same arrival a replay', async () => {
    const v = verifier();
    const token = pass();
    const first = await v.verify(token, { declaration });
    expect(first).toMatchObject({
      verdict: 'valid',
      kid: 'gate-2026-11',
      claims: { did: 'pdec_1', arr: 'NH012/2026-12-01' },
    });
    expect((await v.verify(token)).verdict).toBe('replay');
  });

  it('answers red_channel offline for a pass whose signed claims call for it, and does not burn it', async () => {
    const guard = new MemoryReplayGuard();
    const v = verifier(guard);
    const token = pass({ red: { red: ['D', 'O', 'Y4'], duty: 3300 } });
    const first = await v.verify(token, { declaration });
    expect(first.verdict).toBe('red_channel');
    expect(first.reasons).toEqual([
      { code: 'GATE.DUTY_PAYABLE', message: 'Duty and taxes of 3,300 yen are payable on goods above the allowance', params: { totalDutyYen: 3300 } },
      { code: 'GATE.OFFICER_ASSESSMENT', message: expect.stringContaining('officer') },
      { code: 'GATE.DECLARED_YES', message: 'The traveller declared cash or instruments over 1,000,000 yen', params: { question: 'cashOver1MillionYen' } },
    ]);
    expect((await v.verify(token)).verdict).toBe('red_channel');
    // A pass without the claim (issued before it existed, or green) verifies as before.
    expect((await v.verify(pass())).verdict).toBe('valid');
    // The claim is signed: a red pass turned green by editing is a forgery, and an expired red pass is expired.
    const [h, p, s] = token.split('.') as [string, string, string];
    const { red: _r, duty: _d, ...rest } = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
    expect((await v.verify(`${h}.${Buffer.from(JSON.stringify(rest)).toString('base64url')}.${s}`)).verdict).toBe('tampered');
    expect((await v.verify(pass({ issuedAt: NOW - 3_600, ttlSeconds: 600, red: { red: ['D'], duty: 1 } }))).verdict).toBe('expired');
  });

  it('calls a pass past its expiry expired (beyond the clock leeway)', async () => {
    expect((await verifier().verify(pass({ issuedAt: NOW - 3_600, ttlSeconds: 600 }))).verdict).toBe('expired');
    expect((await verifier().verify(pass({ issuedAt: NOW - 610, ttlSeconds: 600 }))).verdict).toBe('valid');
  });

  it('detects a changed payload, a changed signature and a declaration that does not match the digest', async () => {
    const [h, p, s] = pass().split('.') as [string, string, string];
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...payload, exp: NOW + 10 ** 7 })).toString('base64url');
    expect((await verifier().verify(`${h}.${forged}.${s}`)).verdict).toBe('tampered');
    expect((await verifier().verify(`${h}.${p}.${flip(s, 10)}`)).verdict).toBe('tampered');
    const other = { ...declaration, traveller: { familyName: 'SUZUKI' } };
    expect((await verifier().verify(pass(), { declaration: other })).verdict).toBe('tampered');
  });

  it('answers unknown_key for a pass signed with a key the gate does not hold, and accepts rotated keys it holds', async () => {
    const next = generateGateKey('gate-2027-01');
    expect((await verifier().verify(pass({}, next))).verdict).toBe('unknown_key');
    // A pass that names a known kid but was signed by another key is a forgery.
    const impostor = { kid: key.kid, privateKey: next.privateKey };
    expect((await verifier().verify(pass({}, impostor))).verdict).toBe('tampered');
    const both = new GatePassVerifier({
      keys: [
        { kid: key.kid, key: key.publicJwk },
        { kid: next.kid, key: next.publicJwk },
      ],
      now: () => NOW,
    });
    expect((await both.verify(pass({}, next))).verdict).toBe('valid');
    expect((await both.verify(pass())).verdict).toBe('valid');
  });

  it('rejects alg "none" and other algorithms as malformed', async () => {
    const [, p] = pass().split('.') as [string, string, string];
    const none = Buffer.from(JSON.stringify({ alg: 'none', kid: key.kid })).toString('base64url');
    expect((await verifier().verify(`${none}.${p}.`)).verdict).toBe('malformed');
    const hs = Buffer.from(JSON.stringify({ alg: 'HS256', kid: key.kid })).toString('base64url');
    expect((await verifier().verify(`${hs}.${p}.AAAA`)).verdict).toBe('malformed');
  });

  it('verifies ES256 passes too, and rejects a header whose algorithm is not the named key’s', async () => {
    const ec = generateGateKey('gate-ec', 'ES256');
    const v = new GatePassVerifier({
      keys: [
        { kid: key.kid, key: key.publicJwk },
        { kid: ec.kid, key: ec.publicJwk },
      ],
      now: () => NOW,
    });
    const token = pass({}, ec);
    expect((await v.verify(token)).verdict).toBe('valid');
    const { protectedHeader } = await compactVerify(token, await importJWK(ec.publicJwk, 'ES256'));
    expect(protectedHeader.alg).toBe('ES256');
    const [, p, s] = token.split('.') as [string, string, string];
    // Out-of-range ECDSA values (r = s = 0, or ≥ the group order) are refused, not thrown.
    for (const fill of [0, 0xff])
      expect(
        v.check(`${token.split('.').slice(0, 2).join('.')}.${Buffer.alloc(64, fill).toString('base64url')}`).verdict,
      ).toBe('tampered');
    const confused = Buffer.from(JSON.stringify({ alg: 'ES256', kid: key.kid })).toString('base64url');
    expect((await v.verify(`${confused}.${p}.${s}`)).verdict).toBe('tampered');
  });

  it('is a standard compact JWS that a JOSE library verifies', async () => {
    const { payload, protectedHeader } = await compactVerify(pass(), await importJWK(key.publicJwk, 'EdDSA'));
    expect(protectedHeader).toMatchObject({ alg: 'EdDSA', kid: key.kid });
    expect(JSON.parse(new TextDecoder().decode(payload))).toMatchObject({ did: 'pdec_1' });
  });

  it('gives every random string, byte blob, truncation and bit flip a verdict and never throws', async () => {
    const v = verifier();
    const token = pass();
    expect((await v.verify(token)).verdict).toBe('valid');
    const inputs: unknown[] = [
      undefined,
      null,
      42,
      {},
      [],
      '',
      '..',
      '...',
      'a.b.c',
      'x'.repeat(10_000),
      Buffer.from('x'),
    ];
    let seed = 7;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 300; i++) {
      inputs.push(randomBytes(rnd(400)).toString('latin1'));
      inputs.push(
        randomBytes(rnd(300)).toString('base64url') +
          '.' +
          randomBytes(rnd(100)).toString('base64url') +
          '.' +
          randomBytes(64).toString('base64url'),
      );
      inputs.push(token.slice(0, rnd(token.length)));
      inputs.push(flip(token, rnd(token.length)));
    }
    const seen = new Set<Verdict>();
    for (const input of inputs) {
      const r = await v.verify(input);
      expect(typeof r.reason).toBe('string');
      seen.add(r.verdict);
    }
    // Nothing derived from the (already used) pass is accepted: a flip in the unused low bits of the signature's
    // last character decodes to the same bytes, and the replay guard catches it.
    expect(seen.has('valid')).toBe(false);
    expect(seen.has('malformed') && seen.has('tampered')).toBe(true);
  });
});
