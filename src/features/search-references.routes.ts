import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { principalOf, requireRole } from '../api/auth.ts';
import type { SearchReferencesRepo } from '../adapters/store/search-references.repo.ts';
import { CommonErrors } from '../kernel/index.ts';
import { MAX_REFERENCE_CODES, MAX_TERM_LENGTH, referenceOf, referenceProblems, SearchErrors } from '../modules/search/index.ts';

const tags = ['tariff'];
const strict = { additionalProperties: false } as const;
const CODE = '^(\\d{2}|\\d{4}|\\d{6}|\\d{9})$';

const ReferenceSchema = Type.Object({
  term: Type.String(),
  codes: Type.Array(Type.String()),
  note: Type.Union([Type.String(), Type.Null()]),
  updatedBy: Type.String(),
  updatedAt: Type.String({ format: 'date-time' }),
});

export interface SearchReferencesDeps {
  readonly repo: SearchReferencesRepo;
  /** Whether some line of the schedule starts with the code. */
  readonly isCode: (code: string) => boolean;
  /** Called after every change, with the references now in force. */
  readonly changed: () => Promise<void>;
}

/**
 * Officers' search references: `GET` (officers, analysts, admins) pages through them; `PUT` (officers, admins)
 * writes a term's codes and note; `DELETE ?term=` removes one. The search uses a change at once in this process, and
 * within 30 s in the others sharing PostgreSQL.
 */
export function searchReferenceRoutes(deps: SearchReferencesDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get<{ Querystring: { offset?: string; limit?: string } }>(
      '/api/v1/tariff/search-references',
      {
        preHandler: requireRole('officer', 'analyst', 'admin'),
        schema: {
          tags,
          summary: 'The search references: terms officers answer with given codes, by term',
          querystring: Type.Object(
            {
              offset: Type.Optional(Type.String({ pattern: '^\\d{1,9}$', description: 'references to skip, default 0' })),
              limit: Type.Optional(Type.String({ pattern: '^\\d{1,3}$', description: 'at most 500, default 100' })),
            },
            strict,
          ),
          response: { 200: Type.Object({ items: Type.Array(ReferenceSchema), total: Type.Integer(), offset: Type.Integer(), limit: Type.Integer() }) },
        },
      },
      async (req) => {
        const offset = Number(req.query.offset ?? 0);
        const limit = Math.min(Math.max(Number(req.query.limit ?? 100), 1), 500);
        return { ...(await deps.repo.page(offset, limit)), offset, limit };
      },
    );

    app.put<{ Body: { term: string; codes: string[]; note?: string | null } }>(
      '/api/v1/tariff/search-references',
      {
        preHandler: requireRole('officer', 'admin'),
        schema: {
          tags,
          summary: "Answer a search term with codes: the search shows them first, with the note (replaces the term's reference)",
          body: Type.Object(
            {
              term: Type.String({ minLength: 1, maxLength: MAX_TERM_LENGTH }),
              codes: Type.Array(Type.String({ pattern: CODE }), { minItems: 1, maxItems: MAX_REFERENCE_CODES }),
              note: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
            },
            strict,
          ),
          response: { 200: ReferenceSchema },
        },
      },
      async (req) => {
        const { term, codes, note } = req.body;
        const problems = referenceProblems({ term, codes }, deps.isCode);
        if (problems.length > 0) throw CommonErrors.validation(`${problems.length} problem(s)`, { problems });
        const stored = await deps.repo.put(referenceOf({ term, codes, note: note ?? null }), principalOf(req).id);
        await deps.changed();
        return stored;
      },
    );

    app.delete<{ Querystring: { term: string } }>(
      '/api/v1/tariff/search-references',
      {
        preHandler: requireRole('officer', 'admin'),
        schema: {
          tags,
          summary: "Remove a term's search reference",
          querystring: Type.Object({ term: Type.String({ minLength: 1, maxLength: MAX_TERM_LENGTH }) }, strict),
        },
      },
      async (req, reply) => {
        if (!(await deps.repo.remove(req.query.term))) throw SearchErrors.noReference(`No search reference for "${req.query.term}"`);
        await deps.changed();
        return reply.status(204).send();
      },
    );
  };
}
