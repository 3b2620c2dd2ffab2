/**
 * Low-value e-commerce consignments (manifest clearance, EU-H7-like data): the model and its validation with
 * `CONSIGNMENT.*` codes, yen valuation and the 200,000-yen manifest ceiling, streaming NDJSON / CSV batch parsers
 * (docs/consignment-formats.md), IATA Cargo-XML XFWB / XFZB advance data and its matching to manifest consignments,
 * and a seeded generator of realistic labelled consignments. Pure: no I/O beyond the streams and strings passed in.
 */
export { ConsignmentErrors } from './errors.ts';
export {
  ConsignmentSchema,
  ItemLineSchema,
  MoneySchema,
  PartySchema,
  TransportDocumentSchema,
  UNITS,
  DEFAULT_MAX_ITEMS,
} from './model.ts';
export type { CodeLookups, Consignment, ItemLine, Money, Party, TransportDocument, Unit } from './model.ts';
export { packConsignment, unpackConsignment } from './clearable.ts';
export type { ClearableConsignment, ClearableItem, PackedConsignment } from './clearable.ts';
export { validateConsignment } from './validate.ts';
export type { ValidateOptions } from './validate.ts';
export { normalizeHouseAwb, normalizeMasterAwb } from './awb.ts';
export { MANIFEST_CEILING_YEN, manifestDecision, valueInYen } from './manifest-ceiling.ts';
export type { ManifestDecision, YenRateLookup } from './manifest-ceiling.ts';
export { DEFAULT_MAX_LINE_BYTES, LineSplitter, splitLines } from './lines.ts';
export type { Chunk, RawLine } from './lines.ts';
export type { ParsedRecord, ParseOptions } from './records.ts';
export { parseNdjson, parseNdjsonBatches } from './ndjson.ts';
export { parseCsv, parseCsvBatches } from './csv.ts';
export { CSV_COLUMNS, CSV_HEADER_LINE, OPTIONAL_COLUMNS, consignmentToCsvRows } from './csv-format.ts';
export type { CsvColumn } from './csv-format.ts';
export { parseCargoXml } from './cargo-xml.ts';
export type { AdvanceConsignment, AdvanceGoodsItem, AdvanceParty } from './cargo-xml-model.ts';
export { AdvanceIndex, foldName } from './advance-match.ts';
export type { AdvanceMatch } from './advance-match.ts';
export { GENERATOR_YEN_RATES, generateConsignments, generateLabelledHistory, generatorRateOf } from './generator.ts';
export { batchChunks, toCsv, toNdjson } from './batch-text.ts';
export type {
  ComplianceLabel,
  GenerateOptions,
  GeneratedConsignment,
  LabelledHistory,
  NonComplianceReason,
} from './generator.ts';
export { GOODS } from './vocabulary.ts';
export type { Goods } from './vocabulary.ts';
export { codeLookups, sampleConsignment, sampleLookups } from './sample.ts';
