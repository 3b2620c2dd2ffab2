import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { requireRole } from '../../api/auth.ts';
import { GateVerifyRequestSchema, gateLang } from '../../modules/passengers/index.ts';
import type { GateKeyring } from '../../workflows/passengers/gate-keys.ts';
import type { GateService } from '../../workflows/passengers/gate.service.ts';

const tags = ['gate'];

/** E-Gate verification (officers and gate devices signed in as officers), published keys, key rotation. */
export function gateRoutes(app: FastifyInstance, deps: { gate: GateService; keyring: GateKeyring; rateLimitPerMinute: number }): void {
  app.post(
    '/api/v1/gate/verify',
    {
      preHandler: requireRole('officer', 'admin'),
      // Every payload gets a verdict: a token of the wrong type or length is `malformed`, not a 422.
      attachValidation: true,
      schema: {
        tags,
        summary:
          'Verify a gate pass ({token} or the raw text as text/plain): valid (the traveller may pass), red_channel (with `reasons`: duty payable, officer assessment, watch rule, a "yes" answer), expired, tampered, unknown_key, malformed or replay. Reason messages follow Accept-Language (ja, en).',
        body: GateVerifyRequestSchema,
      },
    },
    async (req) => {
      const body: unknown = req.body;
      // A scanner may post the decoded text as it is (text/plain) instead of {"token": …}.
      const token = typeof body === 'string' ? body : typeof body === 'object' && body !== null && 'token' in body ? (body as { token: unknown }).token : undefined;
      return deps.gate.verify(token, gateLang(req.headers['accept-language']));
    },
  );

  app.get(
    '/api/v1/gate/keys',
    {
      config: { rateLimit: { max: deps.rateLimitPerMinute * 10, timeWindow: 60_000 } },
      schema: { tags, summary: 'Public keys for offline gate verifiers (JWK Set, with PEMs); `current` signs new passes', security: [] },
    },
    async () => deps.keyring.publicKeys(),
  );

  app.post(
    '/api/v1/gate/keys/rotate',
    { preHandler: requireRole('admin'), schema: { tags, summary: 'Start signing with a new key; passes signed with the previous keys stay verifiable', body: Type.Optional(Type.Object({}, { additionalProperties: false })) } },
    async () => ({ current: await deps.keyring.rotate() }),
  );
}
