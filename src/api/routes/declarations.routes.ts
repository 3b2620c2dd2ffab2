import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import {
  AmendDeclarationSchema,
  CreateDeclarationSchema,
  DeclarationErrors as E,
  ExpectedVersionSchema,
  type DeclarationInput,
  type DeclarationStatus,
  type Lane,
} from '../../modules/declarations/index.ts';
import { principalOf, requireRole } from '../auth.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import type { ApiContext } from '../context.ts';
import { idempotent } from '../idempotency.ts';
import { canSee, presentDeclaration } from './declaration-view.ts';
import { expectedVersions, setVersionTag } from './version-precondition.ts';

const tags = ['declarations'];
const IfMatch = Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 64, description: 'the version acted on, e.g. "3" (the ETag of GET)' })) });

/** Events of the history a trader does not see: officers' inspection findings are the customs office's own record. */
const OFFICE_ONLY_EVENTS = new Set(['finding_recorded']);

/** The largest payment recorded at once: under a trillion yen, and an exact integer in JSON and in the database. */
export const MAX_PAYMENT_YEN = 999_999_999_999;
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const STATUSES = ['draft', 'submitted', 'accepted', 'assessed', 'lane_assigned', 'released', 'held', 'rejected'];
/** Declarations an officer still has to act on: stuck before assessment, waiting on their lane, or held. */
const OPEN: readonly DeclarationStatus[] = ['accepted', 'lane_assigned', 'held'];
const ListQuery = Type.Object(
  {
    status: Type.Optional(Type.Union(STATUSES.map((s) => Type.Literal(s)))),
    lane: Type.Optional(Type.Union(['green', 'yellow', 'red'].map((s) => Type.Literal(s)))),
    limit: Type.Optional(Type.String({ pattern: '^\\d{1,3}$' })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    queue: Type.Optional(Type.Literal('open', { description: `open: what still needs an officer (${OPEN.join(', ')})` })),
    sort: Type.Optional(Type.Union([Type.Literal('newest'), Type.Literal('oldest')], { description: 'by creation time; default newest' })),
  },
  { additionalProperties: false },
);
const CountsQuery = Type.Object(
  {
    status: Type.Optional(Type.Union(STATUSES.map((s) => Type.Literal(s)))),
    queue: Type.Optional(Type.Literal('open')),
  },
  { additionalProperties: false },
);

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
          setVersionTag(reply, d.version);
          return { status: 201, body: presentDeclaration(d, p) };
        }),
    );

    app.get<{ Querystring: { status?: DeclarationStatus; queue?: 'open' } }>(
      '/api/v1/declarations/counts',
      { preHandler: anyone, schema: { tags, summary: 'How many declarations match, per lane (traders count their own)', querystring: CountsQuery } },
      async (req) => {
        const p = principalOf(req);
        const lanes = await svc.countByLane({
          ...(p.role === 'trader' ? { ownerId: p.id } : {}),
          ...(req.query.status ? { status: req.query.status } : {}),
          ...(req.query.queue === 'open' ? { statuses: OPEN } : {}),
        });
        return { lanes, total: lanes.red + lanes.yellow + lanes.green + lanes.none };
      },
    );

    app.get<{ Querystring: { status?: DeclarationStatus; lane?: Lane; limit?: string; cursor?: string; queue?: 'open'; sort?: 'newest' | 'oldest' } }>(
      '/api/v1/declarations',
      { preHandler: anyone, schema: { tags, summary: 'List declarations, newest first unless sort=oldest (traders see their own)', querystring: ListQuery } },
      async (req) => {
        const p = principalOf(req);
        const limit = Math.min(Math.max(Number(req.query.limit ?? 50), 1), 200);
        const items = await svc.list({
          ...(p.role === 'trader' ? { ownerId: p.id } : {}),
          ...(req.query.status ? { status: req.query.status } : {}),
          ...(req.query.queue === 'open' ? { statuses: OPEN } : {}),
          ...(req.query.lane ? { lane: req.query.lane } : {}),
          ...(req.query.sort === 'oldest' ? { order: 'oldest' as const } : {}),
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
      { preHandler: anyone, schema: { tags, summary: 'A declaration with its current state; the ETag is its version', params: IdParams } },
      async (req, reply) => {
        const d = await visible(req.params.id, req);
        setVersionTag(reply, d.version);
        return presentDeclaration(d, principalOf(req));
      },
    );

    app.get<{ Params: { id: string } }>(
      '/api/v1/declarations/:id/history',
      { preHandler: anyone, schema: { tags, summary: 'The append-only history: who did what, when', params: IdParams } },
      async (req) => {
        const d = await visible(req.params.id, req);
        const events = await svc.history(d.id);
        // Who acted, as a reader can take it in: the actor's role for everyone, and the name for the customs office.
        const p = principalOf(req);
        const actors = new Map<string, { role: string; name: string } | undefined>();
        for (const id of new Set(events.map((e) => e.actor))) if (id !== 'system') actors.set(id, await ctx.principals.get(id));
        const who = (actor: string) => {
          if (actor === 'system') return { actorRole: 'system' };
          const a = actors.get(actor);
          if (!a) return {};
          return p.role === 'trader' ? { actorRole: a.role, ...(actor === p.id ? { actorName: a.name } : {}) } : { actorRole: a.role, actorName: a.name };
        };
        // Traders see what happened, not the targeting detail carried by lane events.
        return {
          id: d.id,
          events:
            p.role === 'trader'
              ? events.filter((e) => !OFFICE_ONLY_EVENTS.has(e.type)).map((e) => ({ ...e, ...who(e.actor), payload: { ...e.payload, risk: undefined } }))
              : events.map((e) => ({ ...e, ...who(e.actor) })),
        };
      },
    );

    app.put<{ Params: { id: string }; Body: DeclarationInput & { expectedVersion?: number } }>(
      '/api/v1/declarations/:id',
      {
        preHandler: requireRole('trader', 'officer', 'admin'),
        schema: {
          tags,
          summary: 'Amend a declaration (until release, at most 5 times); a new version. Once held or selected it stays with the officer and its lane never goes down',
          params: IdParams,
          headers: IfMatch,
          body: AmendDeclarationSchema,
        },
      },
      async (req, reply) => {
        await visible(req.params.id, req);
        const { expectedVersion, ...input } = req.body;
        const d = await svc.amend(req.params.id, input as DeclarationInput, principalOf(req), expectedVersions(req, expectedVersion));
        setVersionTag(reply, d.version);
        return presentDeclaration(d, principalOf(req));
      },
    );

    app.post<{ Params: { id: string } }>(
      '/api/v1/declarations/:id/submit',
      { preHandler: requireRole('trader', 'officer', 'admin'), schema: { tags, summary: 'Submit a draft', params: IdParams } },
      async (req, reply) => {
        await visible(req.params.id, req);
        const d = await svc.submit(req.params.id, principalOf(req));
        setVersionTag(reply, d.version);
        return presentDeclaration(d, principalOf(req));
      },
    );

    app.post<{ Params: { id: string }; Body: { decision: 'release' | 'hold' | 'reject'; reason: string; expectedVersion?: number } }>(
      '/api/v1/declarations/:id/decision',
      {
        preHandler: officer,
        schema: {
          tags,
          summary: 'Officer decision: release, hold or reject, with a reason, on the version read (If-Match or expectedVersion)',
          params: IdParams,
          headers: IfMatch,
          body: Type.Object(
            {
              decision: Type.Union([Type.Literal('release'), Type.Literal('hold'), Type.Literal('reject')]),
              reason: Type.String({ minLength: 1, maxLength: 2000 }),
              expectedVersion: Type.Optional(ExpectedVersionSchema),
            },
            { additionalProperties: false, examples: [{ decision: 'hold', reason: 'The FD permit is missing; send it to the office', expectedVersion: 1 }] },
          ),
        },
      },
      async (req, reply) => {
        const b = req.body;
        const d = await svc.decide(req.params.id, b.decision, b.reason, principalOf(req), expectedVersions(req, b.expectedVersion));
        setVersionTag(reply, d.version);
        return presentDeclaration(d, principalOf(req));
      },
    );

    app.post<{ Params: { id: string }; Body: { amountYen: number; reference: string; expectedVersion?: number } }>(
      '/api/v1/declarations/:id/payments',
      {
        preHandler: officer,
        schema: {
          tags,
          summary: 'Record a payment of duty and taxes (a green declaration paid in full is released); payments are kept across amendments',
          params: IdParams,
          headers: IfMatch,
          body: Type.Object(
            {
              // Below 2^53 so that yen stay exact integers, and far above any real declaration's duty.
              amountYen: Type.Integer({ minimum: 1, maximum: MAX_PAYMENT_YEN, description: 'yen received' }),
              reference: Type.String({ minLength: 1, maxLength: 100 }),
              expectedVersion: Type.Optional(ExpectedVersionSchema),
            },
            { additionalProperties: false, examples: [{ amountYen: 64_700, reference: 'MPN-2026-000123', expectedVersion: 1 }] },
          ),
        },
      },
      async (req, reply) => {
        const b = req.body;
        const d = await svc.recordPayment(req.params.id, b.amountYen, b.reference, principalOf(req), expectedVersions(req, b.expectedVersion));
        setVersionTag(reply, d.version);
        return presentDeclaration(d, principalOf(req));
      },
    );
  };
}
