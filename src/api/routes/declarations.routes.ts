import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import {
  CreateDeclarationSchema,
  DeclarationErrors as E,
  DeclarationInputSchema,
  type DeclarationInput,
  type DeclarationStatus,
  type Lane,
} from '../../modules/declarations/index.ts';
import { principalOf, requireRole } from '../auth.ts';
import { EdgeErrors } from '../edge.ts';
import type { ApiContext } from '../context.ts';
import { idempotent } from '../idempotency.ts';
import { canSee, presentDeclaration } from './declaration-view.ts';

const tags = ['declarations'];
/** The largest payment recorded at once: under a trillion yen, and an exact integer in JSON and in the database. */
export const MAX_PAYMENT_YEN = 999_999_999_999;
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const STATUSES = ['draft', 'submitted', 'accepted', 'assessed', 'lane_assigned', 'released', 'held', 'rejected'];
const ListQuery = Type.Object(
  {
    status: Type.Optional(Type.Union(STATUSES.map((s) => Type.Literal(s)))),
    lane: Type.Optional(Type.Union(['green', 'yellow', 'red'].map((s) => Type.Literal(s)))),
    limit: Type.Optional(Type.String({ pattern: '^\\d{1,3}$' })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

const encodeCursor = (createdAt: string, id: string): string => Buffer.from(`${createdAt}|${id}`).toString('base64url');
/** Only what encodeCursor writes: an ISO timestamp of a real instant and an id; anything else never reaches the database. */
const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}:\d{2}))\|([A-Za-z0-9_-]{1,64})$/;
function decodeCursor(c: string): { createdAt: string; id: string } {
  const m = CURSOR.exec(Buffer.from(c, 'base64url').toString('utf8'));
  if (!m || Number.isNaN(Date.parse(m[1]!))) throw EdgeErrors.invalidCursor(undefined, { cursor: c.slice(0, 200) });
  return { createdAt: m[1]!, id: m[2]! };
}

export function declarationRoutes(ctx: ApiContext) {
  return async (app: FastifyInstance): Promise<void> => {
    const svc = ctx.declarations;
    const anyone = requireRole('trader', 'officer', 'analyst', 'admin');
    const officer = requireRole('officer', 'admin');

    const visible = async (id: string, req: Parameters<typeof principalOf>[0]) => {
      const d = await svc.get(id);
      // A trader asking for someone else's declaration learns nothing, not even that it exists.
      if (!canSee(d, principalOf(req))) throw E.notFound(`No declaration "${id}"`, { id });
      return d;
    };

    app.post<{ Body: DeclarationInput & { submit?: boolean } }>(
      '/api/v1/declarations',
      {
        preHandler: requireRole('trader', 'officer', 'admin'),
        schema: { tags, summary: 'Create (and by default submit) an import or export declaration', body: CreateDeclarationSchema, headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ maxLength: 200 })) }) },
      },
      (req, reply) =>
        idempotent(ctx.idempotency, req, reply, async () => {
          const { submit, ...input } = req.body;
          const p = principalOf(req);
          const d = await svc.create(input as DeclarationInput, p, submit !== false);
          reply.header('location', `/api/v1/declarations/${d.id}`);
          return { status: 201, body: presentDeclaration(d, p) };
        }),
    );

    app.get<{ Querystring: { status?: DeclarationStatus; lane?: Lane; limit?: string; cursor?: string } }>(
      '/api/v1/declarations',
      { preHandler: anyone, schema: { tags, summary: 'List declarations, newest first (traders see their own)', querystring: ListQuery } },
      async (req) => {
        const p = principalOf(req);
        const limit = Math.min(Math.max(Number(req.query.limit ?? 50), 1), 200);
        const items = await svc.list({
          ...(p.role === 'trader' ? { ownerId: p.id } : {}),
          ...(req.query.status ? { status: req.query.status } : {}),
          ...(req.query.lane ? { lane: req.query.lane } : {}),
          ...(req.query.cursor ? { cursor: decodeCursor(req.query.cursor) } : {}),
          limit,
        });
        const last = items[items.length - 1];
        return {
          items: items.map((d) => presentDeclaration(d, p)),
          nextCursor: items.length === limit && last ? encodeCursor(last.createdAt, last.id) : null,
        };
      },
    );

    app.get<{ Params: { id: string } }>(
      '/api/v1/declarations/:id',
      { preHandler: anyone, schema: { tags, summary: 'A declaration with its current state', params: IdParams } },
      async (req) => presentDeclaration(await visible(req.params.id, req), principalOf(req)),
    );

    app.get<{ Params: { id: string } }>(
      '/api/v1/declarations/:id/history',
      { preHandler: anyone, schema: { tags, summary: 'The append-only history: who did what, when', params: IdParams } },
      async (req) => {
        const d = await visible(req.params.id, req);
        const events = await svc.history(d.id);
        // Traders see what happened, not the targeting detail carried by lane events.
        const p = principalOf(req);
        return {
          id: d.id,
          events: p.role === 'trader' ? events.map((e) => ({ ...e, payload: { ...e.payload, risk: undefined } })) : events,
        };
      },
    );

    app.put<{ Params: { id: string }; Body: DeclarationInput }>(
      '/api/v1/declarations/:id',
      { preHandler: requireRole('trader', 'officer', 'admin'), schema: { tags, summary: 'Amend a declaration (until release); a new version', params: IdParams, body: DeclarationInputSchema } },
      async (req) => {
        await visible(req.params.id, req);
        return presentDeclaration(await svc.amend(req.params.id, req.body, principalOf(req)), principalOf(req));
      },
    );

    app.post<{ Params: { id: string } }>(
      '/api/v1/declarations/:id/submit',
      { preHandler: requireRole('trader', 'officer', 'admin'), schema: { tags, summary: 'Submit a draft', params: IdParams } },
      async (req) => {
        await visible(req.params.id, req);
        return presentDeclaration(await svc.submit(req.params.id, principalOf(req)), principalOf(req));
      },
    );

    app.post<{ Params: { id: string }; Body: { decision: 'release' | 'hold' | 'reject'; reason: string } }>(
      '/api/v1/declarations/:id/decision',
      {
        preHandler: officer,
        schema: {
          tags,
          summary: 'Officer decision: release, hold or reject, with a reason',
          params: IdParams,
          body: Type.Object(
            { decision: Type.Union([Type.Literal('release'), Type.Literal('hold'), Type.Literal('reject')]), reason: Type.String({ minLength: 1, maxLength: 2000 }) },
            { additionalProperties: false },
          ),
        },
      },
      async (req) => presentDeclaration(await svc.decide(req.params.id, req.body.decision, req.body.reason, principalOf(req)), principalOf(req)),
    );

    app.post<{ Params: { id: string }; Body: { amountYen: number; reference: string } }>(
      '/api/v1/declarations/:id/payments',
      {
        preHandler: officer,
        schema: {
          tags,
          summary: 'Record a payment of duty and taxes (a green declaration paid in full is released)',
          params: IdParams,
          body: Type.Object({ amountYen: Type.Integer({ minimum: 1, maximum: MAX_PAYMENT_YEN }), reference: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false, examples: [{ amountYen: 60_000, reference: 'RCPT-2026-0001' }] }),
        },
      },
      async (req) => presentDeclaration(await svc.recordPayment(req.params.id, req.body.amountYen, req.body.reference, principalOf(req)), principalOf(req)),
    );
  };
}
