/**
 * One SQL schema for both running modes (PGlite embedded, PostgreSQL scaled). Migrations in ./drizzle are generated
 * from this file with `npm run db:generate` and applied at start by the same migrator code on either driver.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** Which reference file was loaded, from where, which version: `customs data load` is idempotent on this. */
export const referenceDatasets = pgTable('reference_datasets', {
  name: text('name').primaryKey(),
  source: text('source').notNull(),
  version: text('version').notNull(),
  checksum: text('checksum').notNull(),
  rowCount: integer('row_count').notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
});

export const tariffLines = pgTable(
  'tariff_lines',
  {
    rowId: integer('row_id').primaryKey(),
    chapter: text('chapter').notNull(),
    level: integer('level').notNull(),
    parentRowId: integer('parent_row_id'),
    statCode: text('stat_code').notNull(),
    statSuffix: text('stat_suffix').notNull(),
    code9: text('code9').notNull(),
    isLeaf: boolean('is_leaf').notNull(),
    descriptionJa: text('description_ja').notNull(),
    descriptionPathJa: text('description_path_ja').notNull(),
    /** Raw rate strings by CSV column name; parsed by the tariff module. */
    rates: jsonb('rates').$type<Record<string, string>>().notNull(),
    unit1: text('unit_1').notNull(),
    unit2: text('unit_2').notNull(),
    otherLaws: jsonb('other_laws').$type<string[]>().notNull(),
  },
  (t) => [index('tariff_lines_code9').on(t.code9), index('tariff_lines_stat_code').on(t.statCode)],
);

export const hsCodes = pgTable('hs_codes', {
  code: text('code').primaryKey(),
  description: text('description').notNull(),
  parent: text('parent').notNull(),
  level: integer('level').notNull(),
  section: text('section').notNull(),
});

export const countries = pgTable('countries', {
  alpha2: text('alpha2').primaryKey(),
  alpha3: text('alpha3').notNull(),
  numeric: text('numeric').notNull(),
  nameEn: text('name_en').notNull(),
  currency: text('currency').notNull(),
  ldc: boolean('ldc').notNull(),
});

export const currencies = pgTable('currencies', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  numeric: text('numeric').notNull(),
  minorUnit: text('minor_unit').notNull(),
});

export const locations = pgTable(
  'locations',
  {
    locode: text('locode').primaryKey(),
    country: text('country').notNull(),
    name: text('name').notNull(),
    nameAscii: text('name_ascii').notNull(),
    subdivision: text('subdivision').notNull(),
    functions: text('functions').notNull(),
    isSeaport: boolean('is_seaport').notNull(),
    isAirport: boolean('is_airport').notNull(),
    iata: text('iata').notNull(),
    coordinates: text('coordinates').notNull(),
  },
  (t) => [index('locations_country').on(t.country)],
);

/** Weekly customs exchange rates (yen per unit of currency), with their source and validity. */
export const exchangeRates = pgTable(
  'exchange_rates',
  {
    currency: text('currency').notNull(),
    validFrom: text('valid_from').notNull(),
    validTo: text('valid_to').notNull(),
    rate: text('rate').notNull(),
    source: text('source').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.currency, t.validFrom] })],
);

/** The small party registry: importers, exporters, declarants with corporate number and AEO status. */
export const parties = pgTable('parties', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  corporateNumber: text('corporate_number'),
  country: text('country').notNull(),
  aeoStatus: text('aeo_status').notNull().default('none'),
  createdAt: createdAt(),
});

export const principals = pgTable(
  'principals',
  {
    id: text('id').primaryKey(),
    role: text('role').notNull(),
    name: text('name').notNull(),
    /** The key's public prefix, to find the row without scanning hashes. */
    keyPrefix: text('key_prefix').notNull(),
    keyHash: text('key_hash').notNull(),
    partyId: text('party_id'),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('principals_key_prefix').on(t.keyPrefix)],
);

/** Current state of each declaration; the full history is in declaration_events. */
export const declarations = pgTable(
  'declarations',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    version: integer('version').notNull(),
    ownerId: text('owner_id').notNull(),
    lrn: text('lrn'),
    data: jsonb('data').notNull(),
    lane: text('lane'),
    assessment: jsonb('assessment'),
    risk: jsonb('risk'),
    warnings: jsonb('warnings').$type<unknown[]>().notNull().default(sql`'[]'::jsonb`),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('declarations_owner').on(t.ownerId, t.createdAt),
    index('declarations_status').on(t.status, t.lane, t.createdAt),
  ],
);

/** Append-only history: who did what, when, to which version. Never updated or deleted. */
export const declarationEvents = pgTable(
  'declaration_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    declarationId: text('declaration_id').notNull(),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    actor: text('actor').notNull(),
    version: integer('version').notNull(),
    payload: jsonb('payload').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('declaration_events_seq').on(t.declarationId, t.seq)],
);

/**
 * Transactional outbox: events are written in the same transaction as the state they describe and relayed to the bus
 * afterwards, so an acknowledged change is never lost between the database and the bus.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    subject: text('subject').notNull(),
    msgId: text('msg_id').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: createdAt(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [index('outbox_unpublished').on(t.id).where(sql`published_at is null`)],
);

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    principalId: text('principal_id').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code'),
    response: jsonb('response'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.principalId, t.key] })],
);

export const counters = pgTable('counters', {
  name: text('name').primaryKey(),
  value: bigint('value', { mode: 'number' }).notNull(),
});
