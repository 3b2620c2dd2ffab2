import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { principalOf, requireRole } from '../../api/auth.ts';
import type { RiskReportsRepo } from '../../adapters/store/risk-reports.repo.ts';
import { SelectionPolicySchema, type SelectionPolicy } from '../../modules/risk/index.ts';
import { changeRegistry, importHistoryAndRegister, trainAndRegister } from '../../workflows/risk-models.ts';
import type { FeatureEnv } from '../feature.ts';

const tags = ['risk'];
/** A history file of a few hundred thousand item rows. */
const HISTORY_LIMIT_BYTES = 64 * 1024 * 1024;
export const SECRET = '(secret)';

/** The policy as shown: the salt keys the random control draws, so whoever knows it could predict them. */
const shown = (p: SelectionPolicy): SelectionPolicy => ({ ...p, salt: SECRET });

/** The selection policy, the model registry (promote, roll back, reject) and training in the server's process. */
export function policyAndModelRoutes(env: FeatureEnv, reports: RiskReportsRepo) {
  return async (app: FastifyInstance): Promise<void> => {
    const read = requireRole('analyst', 'officer', 'admin');
    const write = requireRole('analyst', 'admin');
    const registryDeps = { riskRepo: env.riskRepo, afterChange: () => env.risk.reloadModel() };

    app.get('/api/v1/risk/policy', { preHandler: read, schema: { tags, summary: 'The selection policy (the salt is never shown)' } }, async () =>
      shown(env.risk.currentPolicy()),
    );

    app.put<{ Body: unknown }>(
      '/api/v1/risk/policy',
      {
        preHandler: write,
        // Documented by the schema, checked by validatePolicy (problems with JSON paths and the policy's own code).
        validatorCompiler: () => () => true,
        schema: { tags, summary: 'Replace the selection policy; omit the salt or send "(secret)" to keep the current one', body: Type.Partial(SelectionPolicySchema) },
      },
      async (req) => {
        const body = req.body !== null && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
        const keep = body['salt'] === undefined || body['salt'] === SECRET;
        return shown(await env.risk.setPolicy(keep ? { ...body, salt: env.risk.currentPolicy().salt } : body));
      },
    );

    app.get('/api/v1/risk/models', { preHandler: read, schema: { tags, summary: 'Model registry: versions with their validation metrics, the active one, the log' } }, async () => ({
      ...(await env.risk.registry()),
      serving: env.risk.modelVersion(),
    }));

    const version = Type.Object({ version: Type.String({ minLength: 1, maxLength: 80 }) });
    app.post<{ Params: { version: string } }>(
      '/api/v1/risk/models/:version/promote',
      { preHandler: write, schema: { tags, summary: 'Promote a candidate (or retired) version; live scoring switches to it', params: version } },
      async (req) => changeRegistry(registryDeps, { type: 'promote', version: req.params.version }, principalOf(req).id),
    );
    app.post<{ Params: { version: string } }>(
      '/api/v1/risk/models/:version/reject',
      { preHandler: write, schema: { tags, summary: 'Reject a candidate version', params: version } },
      async (req) => changeRegistry(registryDeps, { type: 'reject', version: req.params.version }, principalOf(req).id),
    );
    app.post(
      '/api/v1/risk/models/rollback',
      { preHandler: write, schema: { tags, summary: 'Return to the model that served before the current one' } },
      async (req) => changeRegistry(registryDeps, { type: 'rollback' }, principalOf(req).id),
    );

    app.post<{ Body: { promote?: boolean } | undefined }>(
      '/api/v1/risk/train',
      {
        preHandler: write,
        schema: {
          tags,
          summary: '`customs risk train` in the server process: fit on the recorded findings, register a candidate (promote: true to activate)',
          body: Type.Optional(Type.Object({ promote: Type.Optional(Type.Boolean()) }, { additionalProperties: false })),
        },
      },
      async (req, reply) => {
        const outcome = await trainAndRegister(
          { riskRepo: env.riskRepo, reports, afterChange: () => env.risk.reloadModel() },
          { promote: req.body?.promote === true, by: principalOf(req).id },
        );
        return reply.status(201).send(outcome);
      },
    );

    app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: HISTORY_LIMIT_BYTES }, (_req, body, done) => done(null, body));
    app.post<{ Querystring: { promote?: string; yenPerUnit?: string }; Body: string }>(
      '/api/v1/risk/history',
      {
        preHandler: write,
        bodyLimit: HISTORY_LIMIT_BYTES,
        schema: {
          tags,
          summary:
            '`customs risk history import` in the server process: train on a CSV history of past declarations with inspection outcomes (text/csv body, docs/risk-history.md), register a candidate (promote=true to activate)',
          querystring: Type.Object(
            {
              promote: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
              yenPerUnit: Type.Optional(Type.String({ pattern: '^\\d{1,9}(\\.\\d{1,9})?$', description: "yen per unit of the file's amounts (default 1)" })),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (req, reply) => {
        const rate = req.query.yenPerUnit === undefined ? undefined : Number(req.query.yenPerUnit);
        const outcome = await importHistoryAndRegister(registryDeps, typeof req.body === 'string' ? req.body : '', {
          promote: req.query.promote === 'true',
          by: principalOf(req).id,
          ...(rate !== undefined && rate > 0 ? { yenPerUnit: rate } : {}),
        });
        return reply.status(201).send(outcome);
      },
    );
  };
}
