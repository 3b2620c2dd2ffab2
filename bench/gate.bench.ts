/**
 * E-Gate QR verification throughput: one thread verifies freshly signed gate passes (compact JWS, Ed25519) the way a
 * gate does — parse, key lookup by kid, signature, validity period, then the replay check — and reports
 * verifications per second on that one core and the per-pass latency p50 / p99. Signing happens before the timed loop.
 * As a ceiling it also times the bare Ed25519 signature check (node:crypto / OpenSSL) on the same inputs.
 *
 *   npm run -s bench:gate -- [--json] [--n 20000] [--alg EdDSA|ES256]
 *
 * "Per core" is passes per CPU-second of the process during the loop (user + system time, all its threads): on a
 * machine shared with other work, wall-clock time measures the scheduler, CPU time measures the verifier. The
 * wall-clock rate and the latencies (wall-clock, so they include any preemption) are printed beside it.
 * With --json, figures and conditions go to stderr and stdout ends with one JSON line
 * {"verificationsPerSecPerCore":…,"p99ms":…,"valid":…,"redChannel":…}. One pass in four carries the signed red-channel
 * claim (duty payable): those must come out red_channel, never valid, and are not burned by the replay guard.
 */
import { cpus, loadavg } from 'node:os';
import { verify } from 'node:crypto';
import { numberFlag, parseArgs, stringFlag } from '../src/cli/args.ts';
import {
  GatePassVerifier,
  MemoryReplayGuard,
  generateGateKey,
  issueGatePass,
} from '../src/modules/passengers/index.ts';

const args = parseArgs(process.argv.slice(2));
const json = args.flags['json'] === true;
const log = (s: string): void => void (json ? console.error(s) : console.log(s));
const n = numberFlag(args, 'n', 20_000);
const warmup = Math.min(2_000, n);

const alg = stringFlag(args, 'alg') ?? 'EdDSA';
if (alg !== 'EdDSA' && alg !== 'ES256') {
  console.error('--alg must be EdDSA or ES256');
  process.exit(2);
}
const NOW = Math.floor(Date.now() / 1000);
const key = generateGateKey('gate-bench', alg);
// A declaration of typical size: its digest, not its content, travels in the pass.
const declaration = {
  traveller: { familyName: 'YAMADA', givenNames: 'HANAKO', dateOfBirth: '1985-04-01', nationality: 'JPN' },
  flight: { flightNumber: 'NH012' },
  arrivalDate: '2026-12-01',
  goods: {
    other: [{ description: 'handbag', kind: 'handbag', quantity: 1, unitValue: { amount: '1200', currency: 'USD' } }],
  },
};
// One traveller in four owes duty: their pass carries the signed red-channel claim and must never come out valid.
const isRed = (i: number): boolean => i % 4 === 3;
const sign = (count: number): string[] =>
  Array.from({ length: count }, (_, i) =>
    issueGatePass(key, {
      declarationId: `pdec_${i.toString(36).padStart(12, '0')}`,
      declaration,
      flightNumber: 'NH012',
      arrivalDate: '2026-12-01',
      issuedAt: NOW - 600,
      ttlSeconds: 86_400,
      ...(isRed(i) ? { red: { red: ['D'], duty: 3300 } } : {}),
    }),
  );

const warm = sign(warmup);
const tokens = sign(n);
const verifier = new GatePassVerifier({
  keys: [{ kid: key.kid, key: key.publicJwk }],
  replayGuard: new MemoryReplayGuard(),
  now: () => NOW,
});

for (const t of warm) await verifier.verify(t);
const latencies = new Float64Array(n);
let invalid = 0;
let red = 0;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (let i = 0; i < n; i++) {
  const s = performance.now();
  const r = await verifier.verify(tokens[i]!);
  latencies[i] = performance.now() - s;
  if (r.verdict === 'red_channel' && isRed(i)) red++;
  else if (r.verdict !== 'valid' || isRed(i)) invalid++;
}
const wallMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
// A second presentation of each pass must be refused (the replay path costs the same checks); a red-channel pass,
// which opened nothing, stays red.
let replays = 0;
for (let i = 0; i < Math.min(1_000, n); i++) {
  const again = (await verifier.verify(tokens[i]!)).verdict;
  if (again === (isRed(i) ? 'red_channel' : 'replay')) replays++;
}
const expectedRed = Array.from({ length: n }, (_, i) => i).filter(isRed).length;

// Ceiling: the bare signature check on the same inputs.
const parts = tokens.map((t) => {
  const dot = t.lastIndexOf('.');
  return { data: Buffer.from(t.slice(0, dot), 'latin1'), sig: Buffer.from(t.slice(dot + 1), 'base64url') };
});
const publicKey = (await import('node:crypto')).createPublicKey({ key: key.publicJwk, format: 'jwk' });
const r0 = performance.now();
for (const p of parts) {
  if (alg === 'EdDSA') verify(null, p.data, publicKey, p.sig);
  else verify('sha256', p.data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, p.sig);
}
const rawPerSec = n / ((performance.now() - r0) / 1000);

latencies.sort();
const pct = (q: number): number => latencies[Math.min(n - 1, Math.floor(q * n))]!;
const wallPerSec = n / (wallMs / 1000);
const cpuSec = (cpu.user + cpu.system) / 1e6;
const perCore = n / cpuSec;
log(`gate pass verification (${alg}): ${n} passes, token ${tokens[0]!.length} chars, 1 thread, warm-up ${warmup}`);
log(
  `  machine: ${cpus()[0]?.model ?? '?'} × ${cpus().length}, load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}, node ${process.version}, OpenSSL ${process.versions.openssl}`,
);
log(
  `  verifications per CPU-second (per core): ${perCore.toFixed(0)}   wall-clock rate: ${wallPerSec.toFixed(0)}/s (loop ${wallMs.toFixed(0)} ms, CPU ${(cpuSec * 1000).toFixed(0)} ms)`,
);
log(
  `  latency p50 ${pct(0.5).toFixed(4)} ms   p99 ${pct(0.99).toFixed(4)} ms   max ${latencies[n - 1]!.toFixed(3)} ms`,
);
log(`  bare ${alg} signature check alone (ceiling, wall-clock): ${rawPerSec.toFixed(0)}/s`);
log(
  `  verdicts: ${n - invalid - red} valid, ${red} red_channel (expected ${expectedRed}), ${invalid} wrong; second presentations answered right ${replays}/${Math.min(1_000, n)}`,
);
if (invalid > 0 || red !== expectedRed || replays !== Math.min(1_000, n)) {
  console.error('benchmark self-check failed: verdicts are wrong');
  process.exitCode = 1;
}
if (json) {
  console.log(
    JSON.stringify({
      verificationsPerSecPerCore: Math.round(perCore),
      p99ms: Number(pct(0.99).toFixed(4)),
      p50ms: Number(pct(0.5).toFixed(4)),
      wallClockPerSec: Math.round(wallPerSec),
      rawSignatureChecksPerSec: Math.round(rawPerSec),
      alg,
      passes: n,
      valid: n - invalid - red,
      redChannel: red,
    }),
  );
}
