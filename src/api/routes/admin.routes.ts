import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { ROLES, type Role } from '../../adapters/store/principals.repo.ts';
import { CommonErrors, isDecimalString } from '../../kernel/index.ts';
import { isValidCorporateNumber, type RegisteredParty } from '../../modules/declarations/index.ts';
import { principalOf, requireRole } from '../auth.ts';
import type { ApiContext } from '../context.ts';
import { idempotent } from '../idempotency.ts';

const strict = { additionalProperties: false } as const;
const ISO_DATE = '^\\d{4}-\\d{2}-\\d{2}$';

/** Principals (admin), the party registry (officers, admin) and the weekly customs exchange rates. */
export function adminRoutes(ctx: ApiContext) {
  return async (app: FastifyInstance): Promise<void> => {
    const admin = requireRole('admin');

    app.post<{ Body: { role: Role; name: string; partyId?: string } }>(
      '/api/v1/principals',
      {
        preHandler: admin,
        schema: {
          tags: ['admin'],
          summary: 'Create a principal; the API key is shown once',
          body: Type.Object(
            { role: Type.Union(ROLES.map((r) => Type.Literal(r))), name: Type.String({ minLength: 1, maxLength: 200 }), partyId: Type.Optional(Type.String({ maxLength: 64 })) },
            { ...strict, examples: [{ role: 'trader', name: 'Kissa Trading KK' }] },
          ),
        },
      },
      (req, reply) =>
        idempotent(ctx.idempotency, req, reply, async () => {
          if (req.body.partyId !== undefined && !ctx.parties.get(req.body.partyId)) {
            throw CommonErrors.validation('Unknown party', { problems: [{ path: '$.partyId', code: 'DECLARATION.UNKNOWN_PARTY', message: `No party "${req.body.partyId}"` }] });
          }
          const { principal, key } = await ctx.principals.create(req.body);
          return { status: 201, body: { id: principal.id, role: principal.role, name: principal.name, partyId: principal.partyId, key } };
        }),
    );

    // The web app shapes its pages by role (an officer reads targeting rules, an analyst edits them).
    app.get(
      '/api/v1/principals/me',
      {
        preHandler: requireRole('trader', 'officer', 'analyst', 'admin'),
        schema: {
          tags: ['admin'],
          summary: 'Who the key belongs to: id, role, name and party (never the key)',
          response: { 200: Type.Object({ id: Type.String(), role: Type.String(), name: Type.String(), partyId: Type.Union([Type.String(), Type.Null()]) }) },
        },
      },
      async (req) => {
        const p = principalOf(req);
        return { id: p.id, role: p.role, name: p.name, partyId: p.partyId };
      },
    );

    app.get('/api/v1/principals', { preHandler: admin, schema: { tags: ['admin'], summary: 'List principals (never their keys)' } }, async () => ({
      items: await ctx.principals.list(),
    }));

    app.delete<{ Params: { id: string } }>(
      '/api/v1/principals/:id',
      { preHandler: admin, schema: { tags: ['admin'], summary: 'Disable a principal', params: Type.Object({ id: Type.String() }) } },
      async (req, reply) => {
        if (!(await ctx.principals.disable(req.params.id))) throw CommonErrors.notFound(`No principal "${req.params.id}"`);
        return reply.status(204).send();
      },
    );

    // A party authorises a principal (a customs broker) to declare for it; the administrator records it.
    const principalParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
    const knownPrincipal = async (id: string): Promise<void> => {
      if (!(await ctx.principals.get(id))) throw CommonErrors.notFound(`No principal "${id}"`, { id });
    };

    app.post<{ Params: { id: string }; Body: { partyId: string } }>(
      '/api/v1/principals/:id/authorisations',
      {
        preHandler: admin,
        schema: {
          tags: ['admin'],
          summary: 'Record that a party authorised this principal to declare for it as its broker',
          params: principalParams,
          body: Type.Object({ partyId: Type.String({ minLength: 1, maxLength: 64 }) }, { ...strict, examples: [{ partyId: 'kissa-trading' }] }),
        },
      },
      async (req, reply) => {
        await knownPrincipal(req.params.id);
        if (!ctx.parties.get(req.body.partyId)) {
          throw CommonErrors.validation('Unknown party', { problems: [{ path: '$.partyId', code: 'DECLARATION.UNKNOWN_PARTY', message: `No party "${req.body.partyId}"` }] });
        }
        return reply.status(201).send(await ctx.principals.authorise(req.params.id, req.body.partyId, principalOf(req).id));
      },
    );

    app.get<{ Params: { id: string } }>(
      '/api/v1/principals/:id/authorisations',
      { preHandler: admin, schema: { tags: ['admin'], summary: 'The parties that authorised this principal as their broker', params: principalParams } },
      async (req) => {
        await knownPrincipal(req.params.id);
        return { items: await ctx.principals.authorisations(req.params.id) };
      },
    );

    app.delete<{ Params: { id: string; partyId: string } }>(
      '/api/v1/principals/:id/authorisations/:partyId',
      {
        preHandler: admin,
        schema: { tags: ['admin'], summary: 'Withdraw a party\'s authorisation (effective at once)', params: Type.Object({ id: Type.String({ maxLength: 64 }), partyId: Type.String({ maxLength: 64 }) }) },
      },
      async (req, reply) => {
        if (!(await ctx.principals.revoke(req.params.id, req.params.partyId))) {
          throw CommonErrors.notFound(`Principal "${req.params.id}" has no authorisation from party "${req.params.partyId}"`);
        }
        return reply.status(204).send();
      },
    );

    app.put<{ Params: { id: string }; Body: Omit<RegisteredParty, 'id'> }>(
      '/api/v1/parties/:id',
      {
        preHandler: requireRole('officer', 'admin'),
        schema: {
          tags: ['parties'],
          summary: 'Create or update a party of the registry (corporate number, AEO status)',
          params: Type.Object({ id: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }) }),
          body: Type.Object(
            {
              name: Type.String({ minLength: 1, maxLength: 200 }),
              corporateNumber: Type.Union([Type.String(), Type.Null()]),
              country: Type.String({ pattern: '^[A-Z]{2}$' }),
              aeoStatus: Type.Union(['none', 'importer', 'exporter', 'customs_broker', 'warehouse', 'logistics'].map((s) => Type.Literal(s))),
            },
            { ...strict, examples: [{ name: 'Kissa Trading KK', corporateNumber: '7000012050002', country: 'JP', aeoStatus: 'importer' }] },
          ),
        },
      },
      async (req) => {
        const b = req.body;
        if (b.corporateNumber !== null && !isValidCorporateNumber(b.corporateNumber)) {
          throw CommonErrors.validation('Invalid corporate number', { problems: [{ path: '$.corporateNumber', code: 'DECLARATION.INVALID_CORPORATE_NUMBER', message: 'A Japanese corporate number has 13 digits with a valid check digit' }] });
        }
        if (!ctx.catalog.country(b.country)) {
          throw CommonErrors.validation('Unknown country', { problems: [{ path: '$.country', code: 'DECLARATION.UNKNOWN_COUNTRY', message: `Unknown country "${b.country}"` }] });
        }
        return ctx.parties.upsert({ id: req.params.id, ...b });
      },
    );

    app.get('/api/v1/parties', { preHandler: requireRole('officer', 'analyst', 'admin'), schema: { tags: ['parties'], summary: 'The party registry' } }, async () => ({
      items: ctx.parties.list(),
    }));

    app.get<{ Querystring: { currency?: string; date?: string } }>(
      '/api/v1/exchange-rates',
      {
        schema: {
          tags: ['reference'],
          summary: 'Weekly customs exchange rates (yen per unit), with source and validity',
          querystring: Type.Object({ currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })), date: Type.Optional(Type.String({ pattern: ISO_DATE })) }, strict),
        },
      },
      async (req) => ({ items: await ctx.exchangeRates.listFromDb(req.query.currency, req.query.date) }),
    );

    app.post<{ Body: { rates: { currency: string; validFrom: string; validTo: string; rate: string; source: string }[] } }>(
      '/api/v1/exchange-rates',
      {
        preHandler: requireRole('officer', 'admin'),
        schema: {
          tags: ['reference'],
          summary: 'Load weekly customs exchange rates',
          body: Type.Object(
            {
              rates: Type.Array(
                Type.Object(
                  {
                    currency: Type.String({ pattern: '^[A-Z]{3}$' }),
                    validFrom: Type.String({ pattern: ISO_DATE }),
                    validTo: Type.String({ pattern: ISO_DATE }),
                    rate: Type.String(),
                    source: Type.String({ minLength: 1, maxLength: 300 }),
                  },
                  strict,
                ),
                { minItems: 1, maxItems: 1000 },
              ),
            },
            { ...strict, examples: [{ rates: [{ currency: 'USD', validFrom: '2026-11-15', validTo: '2026-11-21', rate: '150.25', source: '税関長公示レート' }] }] },
          ),
        },
      },
      async (req, reply) => {
        const problems = req.body.rates.flatMap((r, i) => [
          ...(!ctx.catalog.currency(r.currency) ? [{ path: `$.rates[${i}].currency`, code: 'DECLARATION.UNKNOWN_CURRENCY', message: `Unknown currency "${r.currency}"` }] : []),
          ...(!isDecimalString(r.rate) || Number(r.rate) <= 0 ? [{ path: `$.rates[${i}].rate`, code: CommonErrors.invalidValue.code, message: 'A rate is a positive decimal string (yen per unit)' }] : []),
          ...(r.validTo < r.validFrom ? [{ path: `$.rates[${i}].validTo`, code: CommonErrors.invalidValue.code, message: 'validTo is before validFrom' }] : []),
        ]);
        if (problems.length) throw CommonErrors.validation(`${problems.length} problem(s)`, { problems });
        await ctx.exchangeRates.upsert(req.body.rates);
        return reply.status(201).send({ loaded: req.body.rates.length });
      },
    );
  };
}
