import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { principalOf, requireRole } from '../../api/auth.ts';
import { CommonErrors } from '../../kernel/index.ts';
import type { PurgeCounts } from '../../adapters/store/passengers.repo.ts';
import type { ArrivalsService } from '../../workflows/passengers/arrivals.service.ts';
import type { WatchRuleInput, WatchRulesService } from '../../workflows/passengers/watch-rules.service.ts';

const tags = ['passengers'];
const PAXLST_LIMIT = 10 * 1024 * 1024;
const Reason = Type.String({ minLength: 1, maxLength: 200 });
const WatchRuleBody = Type.Union([
  Type.Object(
    { on: Type.Literal('document'), issuingCountry: Type.String({ pattern: '^[A-Z]{3}$' }), number: Type.String({ minLength: 3, maxLength: 30 }), reason: Reason },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      on: Type.Literal('person'),
      familyName: Type.String({ minLength: 1, maxLength: 70 }),
      givenNames: Type.String({ minLength: 1, maxLength: 70 }),
      birthDate: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
      reason: Reason,
    },
    { additionalProperties: false },
  ),
]);

/** Advance passenger information (PAXLST), the arrivals list with suggested channels, watch rules, retention. */
export function arrivalRoutes(
  app: FastifyInstance,
  deps: { arrivals: ArrivalsService; watchRules: WatchRulesService; purge: () => Promise<PurgeCounts> },
): void {
  // Raw EDIFACT comes as text; this parser lives in this plugin's scope only (the API is JSON elsewhere).
  app.addContentTypeParser(['text/plain', 'application/edifact'], { parseAs: 'string', bodyLimit: PAXLST_LIMIT }, (_req, body, done) => done(null, body));

  app.post(
    '/api/v1/paxlst',
    { preHandler: requireRole('officer', 'admin'), bodyLimit: PAXLST_LIMIT, schema: { tags, summary: 'Upload a UN/EDIFACT PAXLST interchange (text/plain or application/edifact): screened passengers with channels' } },
    async (req, reply) => {
      if (typeof req.body !== 'string') throw CommonErrors.unsupportedMedia('Send the raw EDIFACT as text/plain or application/edifact');
      return reply.status(201).send(await deps.arrivals.upload(req.body));
    },
  );

  app.get<{ Querystring: { flight?: string; date?: string } }>(
    '/api/v1/arrivals',
    {
      preHandler: requireRole('officer', 'analyst', 'admin'),
      schema: {
        tags,
        summary: 'Arriving passengers (advance information) with the suggested channel and its reasons',
        querystring: Type.Object(
          { flight: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9]{2}[A-Za-z]? ?\\d{1,4}[A-Za-z]?$' })), date: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })) },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => ({
      items: (await deps.arrivals.list(req.query)).map(({ data, ...a }) => ({ ...a, passenger: data })),
    }),
  );

  app.post<{ Body: WatchRuleInput }>(
    '/api/v1/watch-rules',
    { preHandler: requireRole('analyst', 'admin'), schema: { tags, summary: 'Add a watch rule; the identifier is kept only as its keyed hash', body: WatchRuleBody } },
    async (req, reply) => reply.status(201).send(await deps.watchRules.add(req.body, principalOf(req).id)),
  );

  app.get('/api/v1/watch-rules', { preHandler: requireRole('analyst', 'admin'), schema: { tags, summary: 'Watch rules (no identifiers: they are not stored)' } }, async () => ({
    items: await deps.watchRules.list(),
  }));

  app.delete<{ Params: { id: string } }>(
    '/api/v1/watch-rules/:id',
    { preHandler: requireRole('analyst', 'admin'), schema: { tags, summary: 'Remove a watch rule', params: Type.Object({ id: Type.String({ maxLength: 100 }) }) } },
    async (req, reply) => {
      await deps.watchRules.remove(req.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/v1/passengers/purge',
    { preHandler: requireRole('admin'), schema: { tags, summary: 'Run the retention job now: delete passenger data past its retention period' } },
    async () => deps.purge(),
  );
}
