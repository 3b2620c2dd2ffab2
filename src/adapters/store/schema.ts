/**
 * One SQL schema for both running modes (PGlite embedded, PostgreSQL scaled). Migrations in ./drizzle are generated
 * from this file with `npm run db:generate` and applied at start by the same migrator code on either driver.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  index,
  integer,
  json,
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

/**
 * Officers' search references: a search term (compared by its key: stems in order, or the Japanese as written) and
 * the codes that answer it, with a note for the searcher.
 */
export const searchReferences = pgTable('search_references', {
  termKey: text('term_key').primaryKey(),
  term: text('term').notNull(),
  codes: jsonb('codes').$type<string[]>().notNull(),
  note: text('note'),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

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

/**
 * Parties that authorised a principal to declare for them as their broker (besides the principal's own party).
 * Recorded by an administrator; a trader naming any other registered party is refused.
 */
export const partyAuthorisations = pgTable(
  'party_authorisations',
  {
    principalId: text('principal_id').notNull(),
    partyId: text('party_id').notNull(),
    grantedBy: text('granted_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.principalId, t.partyId] })],
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
    /** Yen received; its own column so that a new assessment (an amendment) never drops money already paid. */
    paidYen: bigint('paid_yen', { mode: 'number' }).notNull().default(0),
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

/** Raw bytes: `bytea` (node-postgres answers a Buffer, PGlite a Uint8Array; both become a Buffer). */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v.buffer, v.byteOffset, v.byteLength),
});

/**
 * Files a trader sends for a declaration (in answer to an officer's request for documents). Kept in the database,
 * so that every API node serves them and a backup holds them; at most a few MiB each and a few per declaration.
 */
export const declarationDocuments = pgTable(
  'declaration_documents',
  {
    id: text('id').primaryKey(),
    declarationId: text('declaration_id')
      .notNull()
      .references(() => declarations.id),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    note: text('note'),
    content: bytea('content').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('declaration_documents_declaration').on(t.declarationId, t.uploadedAt)],
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

// ── Risk ───────────────────────────────────────────────────────────────────────────────────────────────────────────

/** Every version of every targeting rule (a revision adds a row; old versions stay for replays and audits). */
export const riskRules = pgTable(
  'risk_rules',
  {
    id: text('id').notNull(),
    version: integer('version').notNull(),
    data: jsonb('data').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.id, t.version] })],
);

/** Small named settings documents: the selection policy, the model registry state. */
export const settings = pgTable('settings', {
  name: text('name').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Models trained on the platform's own findings, with their metrics; the registry state says which one serves. */
export const riskModels = pgTable('risk_models', {
  version: text('version').primaryKey(),
  metrics: jsonb('metrics').notNull(),
  model: jsonb('model').notNull(),
  createdAt: createdAt(),
});

/** Inspection findings recorded by officers: the labels the models learn from. */
export const findings = pgTable(
  'findings',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    declarationId: text('declaration_id').notNull(),
    itemIndex: integer('item_index'),
    kind: text('kind').notNull(),
    revenueYen: bigint('revenue_yen', { mode: 'number' }),
    note: text('note').notNull(),
    officerId: text('officer_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('findings_declaration').on(t.declarationId)],
);

// ── Low-value consignments ─────────────────────────────────────────────────────────────────────────────────────────

/**
 * A batch upload. Its counters are not columns: API nodes and clearance workers add progress rows instead of updating
 * one hot row (which serialised every worker's transaction on its lock), and reads sum them.
 */
export const consignmentBatches = pgTable(
  'consignment_batches',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id').notNull(),
    format: text('format').notNull(),
    status: text('status').notNull(),
    error: jsonb('error'),
    createdAt: createdAt(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** Renewed by the API node while it receives the upload: a batch `uploading` without it is an abandoned upload. */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }).notNull().defaultNow(),
    /** When a clearance worker re-announced the undecided consignments of this failed upload (once). */
    sweptAt: timestamp('swept_at', { withTimezone: true }),
    /** When a clearance worker last re-announced the undecided consignments of this batch because it had stalled. */
    resumedAt: timestamp('resumed_at', { withTimezone: true }),
  },
  // the workers' sweeps every 30 s look at unfinished batches only, however many completed ones accumulate
  (t) => [index('consignment_batches_unfinished').on(t.status).where(sql`${t.status} <> 'completed'`)],
);

/** Insert-only increments of a batch's counters: one row per stored upload chunk and per stored decision message. */
export const consignmentBatchProgress = pgTable(
  'consignment_batch_progress',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    batchId: text('batch_id').notNull(),
    accepted: integer('accepted').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    decided: integer('decided').notNull().default(0),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('consignment_batch_progress_batch').on(t.batchId)],
);

/**
 * The rejected lines of a batch upload, with their problems (and the id the line claimed, if any). An accepted line is
 * its consignment row (`consignments.line_no`): one row per accepted line less to write on the hot path.
 */
export const consignmentBatchLines = pgTable(
  'consignment_batch_lines',
  {
    batchId: text('batch_id').notNull(),
    lineNo: integer('line_no').notNull(),
    consignmentId: text('consignment_id'),
    accepted: boolean('accepted').notNull(),
    problems: jsonb('problems'),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.lineNo] })],
);

/**
 * One row per consignment, unique per (owner, consignment id): a re-sent consignment is refused at insert. Written
 * once; its decision lives in `consignment_decisions` (an insert, not an update of this row and its JSON). The
 * documents are `json`, not `jsonb`: stored and returned whole, never queried inside, and PostgreSQL spends a quarter
 * less CPU storing them as checked text than as parsed binary.
 */
export const consignments = pgTable(
  'consignments',
  {
    ownerId: text('owner_id').notNull(),
    consignmentId: text('consignment_id').notNull(),
    batchId: text('batch_id').notNull(),
    /** The upload line (first line of a CSV record) it came from: the batch's per-line results read it here. */
    lineNo: integer('line_no').notNull(),
    data: json('data').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.ownerId, t.consignmentId] }), index('consignments_batch_line').on(t.batchId, t.lineNo)],
);

/**
 * A consignment's clearance, at most one per (owner, consignment id): the key a redelivered or re-sent message meets,
 * whatever the bus's de-duplication window, so no consignment is ever assessed or charged twice.
 */
export const consignmentDecisions = pgTable(
  'consignment_decisions',
  {
    ownerId: text('owner_id').notNull(),
    consignmentId: text('consignment_id').notNull(),
    batchId: text('batch_id').notNull(),
    status: text('status').notNull(),
    lane: text('lane'),
    assessment: json('assessment'),
    risk: json('risk'),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.ownerId, t.consignmentId] })],
);

/** Advance air-waybill data (IATA XFWB / XFZB) received before arrival, matched later to manifest consignments. */
export const advanceCargo = pgTable(
  'advance_cargo',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    masterAwb: text('master_awb').notNull(),
    houseAwb: text('house_awb'),
    data: jsonb('data').notNull(),
    matchedConsignmentId: text('matched_consignment_id'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('advance_cargo_awb').on(t.masterAwb, t.houseAwb)],
);

// ── Passengers ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** Travellers' declarations; identifiers only as keyed hashes, never passport numbers in clear. */
export const passengerDeclarations = pgTable(
  'passenger_declarations',
  {
    id: text('id').primaryKey(),
    data: jsonb('data').notNull(),
    assessment: jsonb('assessment').notNull(),
    digest: text('digest').notNull(),
    arrivalDate: text('arrival_date').notNull(),
    flight: text('flight').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('passenger_declarations_expiry').on(t.expiresAt)],
);

/** Gate uses of a signed pass: the primary key makes a second use on the same arrival a replay. */
export const gateUses = pgTable(
  'gate_uses',
  {
    jti: text('jti').notNull(),
    arrivalKey: text('arrival_key').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.jti, t.arrivalKey] })],
);

/** Advance passenger information (PAXLST) with the channel suggested; deleted by the retention job. */
export const passengerArrivals = pgTable(
  'passenger_arrivals',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    flight: text('flight').notNull(),
    arrivalDate: text('arrival_date').notNull(),
    data: jsonb('data').notNull(),
    documentKey: text('document_key').notNull(),
    channel: text('channel').notNull(),
    reasons: jsonb('reasons').notNull(),
    declarationId: text('declaration_id'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('passenger_arrivals_flight').on(t.flight, t.arrivalDate), index('passenger_arrivals_expiry').on(t.expiresAt)],
);

/** Watch rules on identifiers, keyed with HMAC under the server secret. */
export const watchRules = pgTable('watch_rules', {
  id: text('id').primaryKey(),
  identifierKey: text('identifier_key').notNull(),
  reason: text('reason').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: createdAt(),
});
