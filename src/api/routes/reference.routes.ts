import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { RATE_COLUMNS, ReferenceErrors as E } from '../../modules/reference/index.ts';
import { referenceStatus } from '../../adapters/store/reference.repo.ts';
import { requireRole } from '../auth.ts';
import type { ApiContext } from '../context.ts';

const tags = ['reference'];
const Params = (name: string, pattern: string) => Type.Object({ [name]: Type.String({ pattern }) });

/** Read-only, public lookups of the reference data; 404s say what was not found. */
export function referenceRoutes(ctx: ApiContext) {
  return async (app: FastifyInstance): Promise<void> => {
    const { catalog } = ctx;

    app.get<{ Params: { code9: string } }>(
      '/api/v1/reference/tariff-lines/:code9',
      { schema: { tags, summary: 'A 9-digit line of the applied tariff schedule, with raw rates inherited from its ancestors', params: Params('code9', '^\\d{9}$') } },
      async (req) => {
        const rows = catalog.tariffLines(req.params.code9);
        const row = rows[0];
        if (!row) throw E.tariffLineNotFound(`No line ${req.params.code9} in the tariff schedule`, { code9: req.params.code9 });
        const ancestors = catalog.ancestors(row);
        const inherited: Record<string, { text: string; fromRowId: number }> = {};
        for (const col of RATE_COLUMNS) {
          const src = [row, ...ancestors].find((r) => r.rates[col] !== undefined);
          if (src) inherited[col] = { text: src.rates[col]!, fromRowId: src.rowId };
        }
        return {
          code9: row.code9,
          hs6: row.code9.slice(0, 6),
          statCode: row.statCode,
          descriptionJa: row.descriptionJa,
          descriptionPathJa: row.descriptionPathJa,
          units: [row.unit1, row.unit2].filter((u) => u !== ''),
          rates: inherited,
          otherLaws: row.otherLaws.map((code) => ({ code, ...(ctx.otherLaw(code) ?? { law: 'not described in the other-law table', documents: '' }) })),
          seasonalVariants: rows.length > 1 ? rows.map((r) => ({ rowId: r.rowId, descriptionJa: r.descriptionJa, rates: r.rates })) : undefined,
          hs: catalog.hs(row.code9.slice(0, 6)) ?? null,
        };
      },
    );

    app.get<{ Params: { code: string } }>(
      '/api/v1/reference/hs/:code',
      { schema: { tags, summary: 'An HS 2022 chapter, heading or subheading', params: Params('code', '^\\d{2}(\\d{2}){0,2}$') } },
      async (req) => {
        const hs = catalog.hs(req.params.code);
        if (!hs) throw E.hsCodeNotFound(`No HS 2022 code ${req.params.code}`, { code: req.params.code });
        return hs;
      },
    );

    app.get<{ Params: { code: string } }>(
      '/api/v1/reference/countries/:code',
      { schema: { tags, summary: 'An ISO 3166 country', params: Params('code', '^[A-Za-z]{2}$') } },
      async (req) => {
        const c = catalog.country(req.params.code.toUpperCase());
        if (!c) throw E.countryNotFound(`No country ${req.params.code}`, { code: req.params.code });
        return c;
      },
    );

    app.get<{ Params: { code: string } }>(
      '/api/v1/reference/currencies/:code',
      { schema: { tags, summary: 'A current ISO 4217 currency', params: Params('code', '^[A-Za-z]{3}$') } },
      async (req) => {
        const c = catalog.currency(req.params.code.toUpperCase());
        if (!c) throw E.currencyNotFound(`No current currency ${req.params.code}`, { code: req.params.code });
        return c;
      },
    );

    app.get<{ Params: { locode: string } }>(
      '/api/v1/reference/locations/:locode',
      { schema: { tags, summary: 'A UN/LOCODE seaport or airport', params: Params('locode', '^[A-Za-z]{2}[A-Za-z2-9]{3}$') } },
      async (req) => {
        const l = catalog.location(req.params.locode.toUpperCase());
        if (!l) throw E.locationNotFound(`No port or airport ${req.params.locode}`, { locode: req.params.locode });
        return l;
      },
    );

    app.post<{ Body: { force?: boolean } }>(
      '/api/v1/reference/load',
      {
        preHandler: requireRole('admin'),
        schema: { tags, summary: 'Load changed reference files from the data folder (admin)', body: Type.Object({ force: Type.Optional(Type.Boolean()) }, { additionalProperties: false }) },
      },
      async (req) => ({ datasets: await ctx.reloadReference(req.body?.force === true) }),
    );

    app.get('/api/v1/reference/datasets', { schema: { tags, summary: 'Which reference files are loaded, with source and version' } }, async () => ({
      datasets: await referenceStatus(ctx.store.db),
    }));
  };
}
