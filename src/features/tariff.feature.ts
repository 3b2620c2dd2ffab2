import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { AssessmentErrors, AssessmentRequestSchema, AssessmentResponseSchema, assessmentError } from '../modules/tariff/index.ts';
import type { FeatureFactory } from './feature.ts';

const tags = ['tariff'];

/** Public quotes on the assessment contract and the tariff search. */
export const tariffFeature: FeatureFactory = async (env) => ({
  name: 'tariff',
  plugin: async (app: FastifyInstance) => {
    app.post(
      '/api/v1/assessments',
      {
        schema: {
          tags,
          summary: 'Duty and consumption-tax assessment on the applied tariff schedule (public quote)',
          body: AssessmentRequestSchema,
          response: { 200: AssessmentResponseSchema },
        },
      },
      async (req) => {
        const r = env.tariff.quote(req.body);
        if (r.ok) return r.value;
        // A missing weekly rate is named at top level (the contract's ASSESSMENT.NO_EXCHANGE_RATE); otherwise the
        // single code, or ASSESSMENT.INVALID_REQUEST with every problem.
        const noRate = r.error.find((p) => p.code === AssessmentErrors.noExchangeRate.code);
        if (noRate) throw AssessmentErrors.noExchangeRate(noRate.message, { problems: r.error });
        throw assessmentError(r.error);
      },
    );

    app.get<{ Querystring: { q: string; lang?: 'ja' | 'en'; limit?: string } }>(
      '/api/v1/tariff/search',
      {
        schema: {
          tags,
          summary: 'Plain words in Japanese or English → 9-digit lines with descriptions and current rates',
          querystring: Type.Object(
            {
              q: Type.String({ minLength: 1, maxLength: 200 }),
              lang: Type.Optional(Type.Union([Type.Literal('ja'), Type.Literal('en')])),
              limit: Type.Optional(Type.String({ pattern: '^\\d{1,3}$' })),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (req) => {
        const limit = Math.min(Math.max(Number(req.query.limit ?? 10), 1), 50);
        const index = env.tariff.index;
        const items = await env.search.search(req.query.q, {
          ...(req.query.lang ? { lang: req.query.lang } : {}),
          limit,
          ratesFor: (code9) => {
            const line = index.lookup(code9);
            if (!line) return null;
            const pick = (c: 'rate_general' | 'rate_temporary' | 'rate_wto') => line.cells[c]?.text ?? null;
            return { general: pick('rate_general'), temporary: pick('rate_temporary'), wto: pick('rate_wto'), units: [line.unit1, line.unit2].filter((u) => u !== '') };
          },
        });
        return { query: req.query.q, lang: req.query.lang ?? null, items };
      },
    );
  },
});
