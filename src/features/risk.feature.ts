import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { RiskReportsRepo } from '../adapters/store/risk-reports.repo.ts';
import { RiskRepo } from '../adapters/store/risk.repo.ts';
import { principalOf, requireRole } from '../api/auth.ts';
import { ExpectedVersionSchema } from '../modules/declarations/index.ts';
import { FindingInputSchema, validateFinding } from '../modules/risk/index.ts';
import { expectedVersions } from '../api/routes/version-precondition.ts';
import { RiskReports } from '../workflows/risk-reports.ts';
import type { FeatureFactory } from './feature.ts';
import { policyAndModelRoutes } from './risk/policy-models.routes.ts';
import { riskCacheRefresher } from './risk/refresh.ts';
import { reportRoutes } from './risk/reports.routes.ts';
import { ruleRoutes } from './risk/rules.routes.ts';

const tags = ['risk'];

/**
 * Officers' inspection findings (the labels models learn from), and the risk administration routes: targeting rules,
 * the selection policy, the model registry and training, and the reports.
 */
export const riskFeature: FeatureFactory = async (env) => {
  const reportsRepo = new RiskReportsRepo(env.store.db);
  const reports = new RiskReports(reportsRepo, env.riskRepo);
  const refresher = riskCacheRefresher(env.risk, env.log);
  return {
    name: 'risk',
    start: async () => refresher.start(),
    close: async () => refresher.close(),
    plugin: async (app: FastifyInstance) => {
      await app.register(ruleRoutes(env));
      await app.register(policyAndModelRoutes(env, reportsRepo));
      await app.register(reportRoutes(env, reports));

      const FindingBody = Type.Object(
        {
          ...Type.Omit(FindingInputSchema, ['declarationId']).properties,
          // Below 2^53: yen stay exact integers (and the column holds them).
          revenueYen: Type.Optional(Type.Integer({ minimum: 1, maximum: 999_999_999_999, description: 'duty and tax short-declared, yen (discrepancy_revenue only)' })),
          expectedVersion: Type.Optional(ExpectedVersionSchema),
        },
        { additionalProperties: false, examples: [{ item: 0, kind: 'discrepancy_revenue', revenueYen: 12_000, note: 'Invoice value below the contract price', expectedVersion: 1 }] },
      );
      app.post<{ Params: { id: string }; Body: Record<string, unknown> & { expectedVersion?: number } }>(
        '/api/v1/declarations/:id/findings',
        {
          preHandler: requireRole('officer', 'admin'),
          schema: {
            tags,
            summary: 'Record an inspection finding for a declaration or one of its items, on the version read (If-Match or expectedVersion); it goes on the history',
            params: Type.Object({ id: Type.String() }),
            headers: Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 64 })) }),
            body: FindingBody,
          },
        },
        async (req, reply) => {
          const { expectedVersion, ...input } = req.body;
          const expected = expectedVersions(req, expectedVersion);
          const actor = principalOf(req);
          // The finding and its history event are written in one transaction, on the version the officer saw.
          const finding = await env.declarations.annotate(req.params.id, actor, expected, async (d, tx) => {
            const r = validateFinding({ ...input, declarationId: d.id }, d.data.items.length);
            if (!r.ok) throw r.error;
            const f = await new RiskRepo(tx).addFinding({ ...r.value, officerId: actor.id });
            const { declarationId: _, officerId: __, at: ___, ...payload } = f;
            return { type: 'finding_recorded', payload, result: f };
          });
          return reply.status(201).send(finding);
        },
      );

      app.get<{ Params: { id: string } }>(
        '/api/v1/declarations/:id/findings',
        {
          preHandler: requireRole('officer', 'analyst', 'admin'),
          schema: { tags, summary: 'Findings recorded for a declaration', params: Type.Object({ id: Type.String() }) },
        },
        async (req) => {
          const d = await env.declarations.get(req.params.id);
          return { items: await env.riskRepo.findings(d.id) };
        },
      );
    },
  };
};
