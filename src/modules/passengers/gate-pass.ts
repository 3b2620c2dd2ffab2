import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import type { JsonWebKey } from 'node:crypto';
import { declarationDigest } from './canonical-json.ts';
import { algOfKey, type GatePassAlg, type GatePassClaims } from './verifier.ts';

/**
 * Issuing gate passes: a compact JWS, Ed25519 (`EdDSA`; P-256 `ES256` optional), with the key id in the header so keys can rotate
 * (gates keep the public keys of passes still in circulation). The payload carries the declaration id and the
 * digest of its canonical JSON, so the pass proves which declaration it stands for without carrying it.
 */
export interface GateSigningKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
}

export interface IssueInput {
  readonly declarationId: string;
  readonly declaration: unknown;
  readonly flightNumber: string;
  readonly arrivalDate: string;
  /** Seconds since the epoch. */
  readonly issuedAt: number;
  readonly ttlSeconds: number;
  readonly jti?: string;
  /** When the declaration sends the traveller to the red channel: the reason codes and the duty (see redClaim). */
  readonly red?: { readonly red: readonly string[]; readonly duty: number };
}

export const arrivalKeyOf = (flightNumber: string, arrivalDate: string): string => `${flightNumber}/${arrivalDate}`;

const b64json = (v: unknown): string => Buffer.from(JSON.stringify(v), 'utf8').toString('base64url');

export function issueGatePass(key: GateSigningKey, input: IssueInput): string {
  const claims: GatePassClaims = {
    jti: input.jti ?? randomBytes(12).toString('base64url'),
    iat: input.issuedAt,
    exp: input.issuedAt + input.ttlSeconds,
    did: input.declarationId,
    dig: declarationDigest(input.declaration),
    arr: arrivalKeyOf(input.flightNumber, input.arrivalDate),
    ...(input.red && input.red.red.length > 0 ? { red: [...input.red.red], duty: input.red.duty } : {}),
  };
  const alg = algOfKey(key.privateKey);
  if (alg === null) throw new TypeError(`Gate key ${key.kid} is not an Ed25519 or P-256 key`);
  const signingInput = `${b64json({ alg, kid: key.kid })}.${b64json(claims)}`;
  const data = Buffer.from(signingInput, 'latin1');
  const signature = (
    alg === 'EdDSA'
      ? sign(null, data, key.privateKey)
      : sign('sha256', data, { key: key.privateKey, dsaEncoding: 'ieee-p1363' })
  ).toString('base64url');
  return `${signingInput}.${signature}`;
}

/** A fresh key pair (Ed25519 unless asked otherwise); the public half as a JWK for publishing to gates. */
export function generateGateKey(
  kid: string,
  alg: GatePassAlg = 'EdDSA',
): GateSigningKey & { readonly publicJwk: JsonWebKey } {
  const { privateKey, publicKey } =
    alg === 'EdDSA' ? generateKeyPairSync('ed25519') : generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return { kid, privateKey, publicJwk: { ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg } };
}

/** Loads a signing key (Ed25519 or P-256) from a PKCS#8 PEM (configuration); the public JWK is derived from it. */
export function gateKeyFromPem(kid: string, pem: string): GateSigningKey & { readonly publicJwk: JsonWebKey } {
  const privateKey = createPrivateKey(pem);
  const alg = algOfKey(privateKey);
  if (alg === null) throw new TypeError(`Gate key ${kid} is not an Ed25519 or P-256 key`);
  const publicJwk = createPublicKey(privateKey).export({ format: 'jwk' });
  return { kid, privateKey, publicJwk: { ...publicJwk, kid, use: 'sig', alg } };
}
