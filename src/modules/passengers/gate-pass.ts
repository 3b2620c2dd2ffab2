import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import type { JsonWebKey } from 'node:crypto';
import { declarationDigest } from './canonical-json.ts';
import type { GatePassClaims } from './verifier.ts';

/**
 * Issuing gate passes: a compact JWS, Ed25519 (`EdDSA`), with the key id in the header so keys can rotate
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
  };
  const signingInput = `${b64json({ alg: 'EdDSA', kid: key.kid })}.${b64json(claims)}`;
  const signature = sign(null, Buffer.from(signingInput, 'latin1'), key.privateKey).toString('base64url');
  return `${signingInput}.${signature}`;
}

/** A fresh Ed25519 key pair; the public half as a JWK for publishing to gates. */
export function generateGateKey(kid: string): GateSigningKey & { readonly publicJwk: JsonWebKey } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { kid, privateKey, publicJwk: { ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'EdDSA' } };
}

/** Loads a signing key from a PKCS#8 PEM (configuration); the public JWK is derived from it. */
export function gateKeyFromPem(kid: string, pem: string): GateSigningKey & { readonly publicJwk: JsonWebKey } {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new TypeError(`Gate key ${kid} is not an Ed25519 key`);
  const publicJwk = createPublicKey(privateKey).export({ format: 'jwk' });
  return { kid, privateKey, publicJwk: { ...publicJwk, kid, use: 'sig', alg: 'EdDSA' } };
}
