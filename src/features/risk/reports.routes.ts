import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { requireRole } from '../../api/auth.ts';
import { AuditTargetSchema, ControlPrecisionSchema, SelectionRateReportSchema } from '../../modules/risk/index.ts';
import type { RiskReports } from '../../workflows/risk-reports.ts';
import type { FeatureEnv } from '../feature.ts';

const tags = ['risk'];
const count = (max: number) => Type.String({ pattern: `^[1-9]\\d{0,${String(max).length - 1}}$`, description: `1 to ${max}` });
const window = Type.Object({ days: Type.Optional(count(3650)) }, { additionalProperties: false });
const days = (q: { days?: string }) => Math.min(Number(q.days ?? 365), 3650);

const figure = Type.Object({ inspected: Type.Integer(), hits: Type.Integer() });
const DashboardSchema = Type.Object({
  perDay: Type.Array(Type.Object({ date: Type.String(), declarations: Type.Integer(), green: Type.Integer(), yellow: Type.Integer(), red: Type.Integer() })),
  hitRate: Type.Object({ targeted: figure, control: figure }),
  modelVersion: Type.Union([Type.String(), Type.Null()]),
});

/** Officer and analyst reports: control-sample precision, selection rates per group, audit targets, the dashboard. */
export function reportRoutes(env: FeatureEnv, reports: RiskReports) {
  return async (app: FastifyInstance): Promise<void> => {
    const read = requireRole('officer', 'analyst', 'admin');

    app.get<{ Querystring: { days?: string } }>(
      '/api/v1/risk/control-precision',
      {
        preHandler: read,
        schema: { tags, summary: 'Precision of random-control inspections against targeted ones (last `days`, default 365)', querystring: window, response: { 200: ControlPrecisionSchema } },
      },
      async (req) => reports.controlPrecision(days(req.query)),
    );

    app.get<{ Querystring: { days?: string } }>(
      '/api/v1/risk/selection-rates',
      {
        preHandler: read,
        schema: { tags, summary: 'Selection rate per origin country and importer size band, control picks excluded', querystring: window, response: { 200: SelectionRateReportSchema } },
      },
      async (req) => reports.selectionRates(days(req.query)),
    );

    app.get<{ Querystring: { days?: string; limit?: string } }>(
      '/api/v1/risk/audit-targets',
      {
        preHandler: read,
        schema: {
          tags,
          summary: 'Importers ranked by expected revenue at stake for a post-clearance audit, with reasons',
          querystring: Type.Object({ days: Type.Optional(count(3650)), limit: Type.Optional(count(500)) }, { additionalProperties: false }),
          response: { 200: Type.Object({ items: Type.Array(AuditTargetSchema) }) },
        },
      },
      async (req) => ({ items: await reports.auditTargets(days(req.query), Math.min(Number(req.query.limit ?? 50), 500)) }),
    );

    app.get(
      '/api/v1/stats/dashboard',
      { preHandler: read, schema: { tags, summary: 'Lanes per day over the last 30 days, targeted and control hit rates, the serving model', response: { 200: DashboardSchema } } },
      async () => reports.dashboard(env.risk.modelVersion()),
    );
  };
}
