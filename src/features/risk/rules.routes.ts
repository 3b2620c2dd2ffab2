import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { principalOf, requireRole } from '../../api/auth.ts';
import { idempotent } from '../../api/idempotency.ts';
import { newId } from '../../kernel/index.ts';
import {
  RuleDraftSchema,
  TargetingErrors,
  createRule,
  currentRules,
  latestVersion,
  reviseRule,
  validateRuleDraft,
  type RuleVersion,
} from '../../modules/risk/index.ts';
import type { FeatureEnv } from '../feature.ts';

const tags = ['risk'];
const params = Type.Object({ id: Type.String({ minLength: 1, maxLength: 80 }) });
/**
 * The body schemas document the routes in OpenAPI, but validateRuleDraft checks them (every problem at once, with
 * the rule module's codes), so Fastify's own validation is switched off on these routes.
 */
const ownValidation = { validatorCompiler: () => () => true } as const;
const RevisionSchema = Type.Intersect([RuleDraftSchema, Type.Object({ expectedVersion: Type.Integer({ minimum: 1, description: 'the version you edited' }) })]);

/**
 * Targeting rules for analysts. Every change is a new version (history kept for replays); a revision names the
 * version it was made from and is refused with 409 if someone saved in between. The live rule cache is reloaded after
 * each change. Bodies are checked by validateRuleDraft so that every problem comes back at once with its JSON path.
 */
export function ruleRoutes(env: FeatureEnv) {
  return async (app: FastifyInstance): Promise<void> => {
    const read = requireRole('analyst', 'officer', 'admin');
    const write = requireRole('analyst', 'admin');

    const save = async (v: RuleVersion): Promise<RuleVersion> => {
      if (!(await env.riskRepo.addRuleVersion(v)))
        throw TargetingErrors.ruleVersionConflict(undefined, { ruleId: v.ruleId, expected: v.version - 1 });
      await env.risk.reloadRules();
      return v;
    };
    const historyOf = async (ruleId: string): Promise<RuleVersion[]> => {
      const history = await env.riskRepo.ruleHistory(ruleId);
      if (history.length === 0) throw TargetingErrors.ruleNotFound(`No targeting rule ${ruleId}`);
      return history;
    };

    app.get<{ Querystring: { all?: string } }>(
      '/api/v1/risk/rules',
      {
        preHandler: read,
        schema: {
          tags,
          summary: 'Targeting rules: the current version of each (all=true: every version)',
          querystring: Type.Object({ all: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])) }, { additionalProperties: false }),
        },
      },
      async (req) => {
        const versions = await env.riskRepo.ruleVersions();
        return { items: req.query.all === 'true' ? versions : currentRules(versions) };
      },
    );

    app.get<{ Params: { id: string } }>(
      '/api/v1/risk/rules/:id',
      { preHandler: read, schema: { tags, summary: 'A targeting rule: its current version and its history (oldest first)', params } },
      async (req) => {
        const history = await historyOf(req.params.id);
        return { ...history[history.length - 1]!, history };
      },
    );

    app.post<{ Body: unknown }>(
      '/api/v1/risk/rules',
      { preHandler: write, ...ownValidation, schema: { tags, summary: 'Create a targeting rule (version 1)', body: RuleDraftSchema } },
      (req, reply) =>
        idempotent(env.idempotency, req, reply, async () => {
          const r = validateRuleDraft(req.body);
          if (!r.ok) throw r.error;
          const v = createRule(r.value, { ruleId: newId('rule'), at: new Date().toISOString(), by: principalOf(req).id });
          return { status: 201, body: await save(v) };
        }),
    );

    app.put<{ Params: { id: string }; Body: unknown }>(
      '/api/v1/risk/rules/:id',
      { preHandler: write, ...ownValidation, schema: { tags, summary: 'Revise a rule: a draft plus expectedVersion (the version edited); 409 if it changed since', params, body: RevisionSchema } },
      async (req) => {
        const { expectedVersion, ...draft } = (req.body ?? {}) as { expectedVersion?: unknown } & Record<string, unknown>;
        const r = validateRuleDraft(draft);
        const problems = r.ok ? [] : [...((r.error.details as { problems?: unknown[] } | undefined)?.problems ?? [])];
        if (typeof expectedVersion !== 'number' || !Number.isInteger(expectedVersion) || expectedVersion < 1)
          problems.push(TargetingErrors.invalidRule.problem('$.expectedVersion', 'The version you edited (integer ≥ 1) is required'));
        if (!r.ok || problems.length > 0) throw TargetingErrors.invalidRule(undefined, { problems });
        const history = await historyOf(req.params.id);
        const next = reviseRule(history, r.value, {
          ruleId: req.params.id,
          at: new Date().toISOString(),
          by: principalOf(req).id,
          expectedVersion: expectedVersion as number,
        });
        if (!next.ok) throw next.error;
        return save(next.value);
      },
    );

    app.delete<{ Params: { id: string }; Querystring: { expectedVersion?: string } }>(
      '/api/v1/risk/rules/:id',
      {
        preHandler: write,
        schema: {
          tags,
          summary: 'Deactivate a rule: a new version with active false (history kept); optional expectedVersion',
          params,
          querystring: Type.Object({ expectedVersion: Type.Optional(Type.String({ pattern: '^[1-9]\\d{0,8}$' })) }, { additionalProperties: false }),
        },
      },
      async (req) => {
        const history = await historyOf(req.params.id);
        const latest = latestVersion(history, req.params.id)!;
        const expected = req.query.expectedVersion === undefined ? latest.version : Number(req.query.expectedVersion);
        if (!latest.active && expected === latest.version) return latest;
        const { ruleId: _r, version: _v, createdAt: _c, createdBy: _b, ...draft } = latest;
        const next = reviseRule(history, { ...draft, active: false }, {
          ruleId: req.params.id,
          at: new Date().toISOString(),
          by: principalOf(req).id,
          expectedVersion: expected,
        });
        if (!next.ok) throw next.error;
        return save(next.value);
      },
    );
  };
}
