import rateLimit from '@fastify/rate-limit';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SearchReferencesRepo } from '../adapters/store/search-references.repo.ts';
import { scheduleCodes } from '../modules/search/index.ts';
import { AssessmentErrors, AssessmentRequestSchema, AssessmentResponseSchema, assessmentError, wordedAs, type AssessmentRequest } from '../modules/tariff/index.ts';
import type { FeatureFactory } from './feature.ts';
import { searchReferenceRoutes } from './search-references.routes.ts';

const tags = ['tariff'];
/** How often a process sharing PostgreSQL re-reads the search references (an edit through another reaches it within). */
const REFERENCES_REFRESH_MS = 30_000;

/**
 * Items per assessment for a caller without an API key: a duty estimate for a shipment, not a bulk workload (each
 * item is a full assessment). Signed-in callers may send up to the schema's 999.
 */
export const ANONYMOUS_ASSESSMENT_ITEMS = 100;

/** The public quote and search are open to all, so limited per IP for callers without an API key. */
const anonymousOnly = (req: FastifyRequest): boolean => req.principal !== null;

/** Public quotes on the assessment contract and the tariff search; officers' search references. */
export const tariffFeature: FeatureFactory = async (env) => {
  const references = new SearchReferencesRepo(env.store.db);
  const reload = async (): Promise<void> => env.search.useReferences(await references.all());
  let refresher: NodeJS.Timeout | undefined;
  return {
    name: 'tariff',
    start: async () => {
      await reload();
      // PostgreSQL is shared by API nodes: a reference written through one must reach the others (embedded: one process)
      if (env.config.databaseUrl === undefined) return;
      const refresh = (): void => void reload().catch((e: unknown) => env.log(`search references: refresh failed, will retry: ${String(e)}`));
      refresher = setInterval(refresh, REFERENCES_REFRESH_MS);
      refresher.unref();
    },
    close: async () => clearInterval(refresher),
    plugin: async (app: FastifyInstance) => {
      // In this plugin's scope only, on the routes that set config.rateLimit; signed-in callers are not counted.
      await app.register(rateLimit, { global: false, allowList: anonymousOnly });
      const perMinute = { max: env.config.publicRateLimitPerMinute ?? 120, timeWindow: 60_000 };
      await app.register(
        searchReferenceRoutes({
          repo: references,
          // a PUT is rare: the schedule is scanned each time, so a reloaded catalog is always the one checked
          isCode: (code) => scheduleCodes(env.catalog.tariffRows().map((r) => r.code9)).has(code),
          changed: reload,
        }),
      );

      app.post<{ Body: AssessmentRequest }>(
        '/api/v1/assessments',
        {
          config: { rateLimit: perMinute },
          schema: {
            tags,
            summary: 'Duty and consumption-tax assessment on the applied tariff schedule (public quote)',
            body: AssessmentRequestSchema,
            response: { 200: AssessmentResponseSchema },
          },
        },
        async (req) => {
          if (req.principal === null && req.body.items.length > ANONYMOUS_ASSESSMENT_ITEMS) {
            throw AssessmentErrors.field(
              `At most ${ANONYMOUS_ASSESSMENT_ITEMS} items per request without an API key (${req.body.items.length} sent); sign in for up to 999`,
              { problems: [AssessmentErrors.field.problem('$.items', `At most ${ANONYMOUS_ASSESSMENT_ITEMS} items without an API key`)] },
            );
          }
          const r = env.tariff.quote(req.body);
          if (r.ok) return r.value;
          // A missing weekly rate is named at top level (the contract's ASSESSMENT.NO_EXCHANGE_RATE); otherwise the
          // single code, or ASSESSMENT.INVALID_REQUEST with every problem.
          const noRate = r.error.find((p) => p.code === AssessmentErrors.noExchangeRate.code);
          if (noRate) throw AssessmentErrors.noExchangeRate(wordedAs(noRate) ?? noRate.message, { problems: r.error });
          throw assessmentError(r.error);
        },
      );

      app.get<{ Querystring: { q: string; lang?: 'ja' | 'en'; limit?: string } }>(
        '/api/v1/tariff/search',
        {
          config: { rateLimit: perMinute },
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
  };
};
