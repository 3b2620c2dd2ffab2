import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { requireRole } from '../../api/auth.ts';
import { idempotent } from '../../api/idempotency.ts';
import type { IdempotencyRepo } from '../../adapters/store/idempotency.repo.ts';
import { AssessmentRequestSchema } from '../../modules/passengers/index.ts';
import type { PassengerDeclarationsService } from '../../workflows/passengers/declarations.service.ts';
import { submitRequestOf } from '../../workflows/passengers/submit-request.ts';

const tags = ['passengers'];

/** The traveller's declaration: public (no account) and rate-limited per IP; officers read declarations back. */
export function declarationRoutes(
  app: FastifyInstance,
  deps: { service: PassengerDeclarationsService; idempotency: IdempotencyRepo; rateLimitPerMinute: number },
): void {
  app.post(
    '/api/v1/passenger-declarations',
    {
      config: { rateLimit: { max: deps.rateLimitPerMinute, timeWindow: 60_000 } },
      // The schema documents the request; the passengers module validates it, so problems carry PASSENGER.* codes.
      attachValidation: true,
      schema: {
        tags,
        summary: "A traveller's personal-effects declaration → allowances, duty on the excess and a signed gate pass (QR)",
        security: [],
        body: AssessmentRequestSchema,
      },
    },
    async (req, reply) => {
      const body = submitRequestOf(req.body);
      if (!body.ok) throw body.error;
      return idempotent(deps.idempotency, req, reply, async () => ({ status: 201, body: await deps.service.submit(body.value) }));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/passenger-declarations/:id',
    {
      preHandler: requireRole('officer', 'admin'),
      schema: { tags, summary: 'A stored passenger declaration (passport number only as its keyed hash), with its assessment', params: Type.Object({ id: Type.String({ maxLength: 100 }) }) },
    },
    async (req) => {
      const { data, ...rest } = await deps.service.get(req.params.id);
      const { declaration, passportKey } = data as { declaration: unknown; passportKey: string | null };
      return { ...rest, declaration, passportKey };
    },
  );
}
