import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { RiskReportsRepo } from '../adapters/store/risk-reports.repo.ts';
import { principalOf, requireRole } from '../api/auth.ts';
import { FindingInputSchema, validateFinding } from '../modules/risk/index.ts';
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

      const FindingBody = Type.Omit(FindingInputSchema, ['declarationId']);
      app.post<{ Params: { id: string }; Body: Record<string, unknown> }>(
        '/api/v1/declarations/:id/findings',
        {
          preHandler: requireRole('officer', 'admin'),
          schema: {
            tags,
            summary: 'Record an inspection finding for a declaration or one of its items',
            params: Type.Object({ id: Type.String() }),
            body: FindingBody,
          },
        },
        async (req, reply) => {
          const d = await env.declarations.get(req.params.id);
          const r = validateFinding({ ...req.body, declarationId: d.id }, d.data.items.length);
          if (!r.ok) throw r.error;
          const finding = await env.riskRepo.addFinding({ ...r.value, officerId: principalOf(req).id });
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
