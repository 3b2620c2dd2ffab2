import jsqrImport from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { generateGateKey, issueGatePass } from './gate-pass.ts';
import { gatePassQrDataUrl, gatePassQrPng } from './qr-image.ts';
import { GatePassVerifier } from './verifier.ts';

// jsqr is CommonJS with an ES-style `default` in its typings; take whichever the loader hands over.
type JsQr = typeof import('jsqr').default;
const jsQR: JsQr = (jsqrImport as unknown as { default?: JsQr }).default ?? (jsqrImport as unknown as JsQr);

const decode = (png: Buffer): string | null => {
  const img = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(img.data), img.width, img.height)?.data ?? null;
};

describe('gate pass QR image', () => {
  const key = generateGateKey('k1');
  const token = issueGatePass(key, {
    declarationId: 'pdec_0123456789abcdef',
    declaration: { any: 'declaration' },
    flightNumber: 'JL044',
    arrivalDate: '2026-12-01',
    issuedAt: 1_795_000_000,
    ttlSeconds: 86_400,
  });

  it('round-trips through a PNG: the decoded text is the pass and it verifies', async () => {
    const text = decode(await gatePassQrPng(token));
    expect(text).toBe(token);
    const v = new GatePassVerifier({ keys: [{ kid: 'k1', key: key.publicJwk }], now: () => 1_795_000_100 });
    expect((await v.verify(text)).verdict).toBe('valid');
  });

  it('offers the same image as a data URL for the web app', async () => {
    const url = await gatePassQrDataUrl(token);
    expect(url.startsWith('data:image/png;base64,')).toBe(true);
    expect(decode(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64'))).toBe(token);
  });
});
