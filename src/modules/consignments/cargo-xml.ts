import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { err, ok } from '../../kernel/index.ts';
import type { Problem, Result } from '../../kernel/index.ts';
import { normalizeHouseAwb, normalizeMasterAwb } from './awb.ts';
import type { AdvanceConsignment, AdvanceGoodsItem, AdvanceParty } from './cargo-xml-model.ts';
import { ConsignmentErrors as E } from './errors.ts';

type Node = Record<string, unknown>;

// Elements that may repeat; everything else is read as a single node.
const REPEATING = new Set([
  'IncludedHouseConsignment',
  'IncludedMasterConsignmentItem',
  'IncludedHouseConsignmentItem',
  'ApplicableRating',
]);

/** Deepest element nesting accepted (XFWB/XFZB need about ten levels). */
export const MAX_DEPTH = 32;

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // Codes such as 000111 and AWB serials must stay text, not become numbers.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => REPEATING.has(name),
  // A Cargo-XML waybill is about ten elements deep; deeper documents are refused before they cost anything.
  maxNestedTags: MAX_DEPTH,
});

const invalid = (message: string, path = '$'): Result<never, Problem[]> =>
  err([E.cargoXmlInvalid.problem(path, message)]);

/** An advance record is matched to manifest lines by its AWB: one that fails its check digit would never match. */
const badAwb = (raw: string, path: string): Result<never, Problem[]> =>
  err([E.invalidAwb.problem(path, `"${raw.slice(0, 40)}" is not a master AWB (NNN-NNNNNNNN with its mod-7 check digit)`)]);

/**
 * Reads one Cargo-XML message: an XFWB gives one master record, an XFZB one house record per house consignment.
 * Documents with a DTD are refused: Cargo-XML never needs one, and entity expansion is a denial-of-service vector.
 */
export function parseCargoXml(xml: string): Result<AdvanceConsignment[], Problem[]> {
  if (/<!DOCTYPE/i.test(xml)) return invalid('Documents with a DOCTYPE are not accepted');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return invalid(`Not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (e) {
    // The parser refuses what it cannot read safely: nesting beyond MAX_DEPTH, element names such as __proto__.
    return invalid(`The document cannot be read: ${e instanceof Error ? e.message : String(e)}`);
  }
  const waybill = node(doc['Waybill']);
  if (waybill) return readMaster(waybill);
  const house = node(doc['HouseWaybill']);
  if (house) return readHouses(house);
  return invalid('The root element is neither Waybill (XFWB) nor HouseWaybill (XFZB)');
}

function readMaster(w: Node): Result<AdvanceConsignment[], Problem[]> {
  const header = node(w['MessageHeaderDocument']);
  const mc = node(w['MasterConsignment']);
  const rawAwb = text(node(w['BusinessHeaderDocument'])?.['ID']);
  if (!mc || !rawAwb) return invalid('An XFWB needs BusinessHeaderDocument/ID and MasterConsignment', '$.Waybill');
  const masterAwb = normalizeMasterAwb(rawAwb);
  if (!masterAwb) return badAwb(rawAwb, '$.Waybill.BusinessHeaderDocument.ID');
  const items = list(mc['ApplicableRating'])
    .flatMap((r) => list(node(r)?.['IncludedMasterConsignmentItem']))
    .map(goodsItem);
  return ok([
    build('master', header, {
      masterAwb,
      consignment: mc,
      items,
      summary: undefined,
    }),
  ]);
}

function readHouses(w: Node): Result<AdvanceConsignment[], Problem[]> {
  const header = node(w['MessageHeaderDocument']);
  const mc = node(w['MasterConsignment']);
  const rawMaster = text(node(mc?.['TransportContractDocument'])?.['ID']);
  const houses = list(mc?.['IncludedHouseConsignment'])
    .map(node)
    .filter((h) => h !== undefined);
  if (!mc || !rawMaster || houses.length === 0) {
    return invalid(
      'An XFZB needs MasterConsignment/TransportContractDocument/ID and an IncludedHouseConsignment',
      '$.HouseWaybill',
    );
  }
  const masterAwb = normalizeMasterAwb(rawMaster);
  if (!masterAwb) return badAwb(rawMaster, '$.HouseWaybill.MasterConsignment.TransportContractDocument.ID');
  const out: AdvanceConsignment[] = [];
  for (const [i, h] of houses.entries()) {
    const rawHouse = text(h['ID']) ?? text(node(w['BusinessHeaderDocument'])?.['ID']);
    if (!rawHouse)
      return invalid(
        'The house consignment has no ID',
        `$.HouseWaybill.MasterConsignment.IncludedHouseConsignment[${i}]`,
      );
    const houseAwb = normalizeHouseAwb(rawHouse);
    if (!houseAwb) {
      return err([E.invalidAwb.problem(`$.HouseWaybill.MasterConsignment.IncludedHouseConsignment[${i}].ID`, `"${rawHouse.slice(0, 40)}" is not a house AWB (1-16 letters and digits)`)]);
    }
    const rec = build('house', header, {
      masterAwb,
      houseAwb,
      consignment: h,
      fallback: mc,
      items: list(h['IncludedHouseConsignmentItem']).map(goodsItem),
      summary: text(h['SummaryDescription']),
    });
    out.push(rec);
  }
  return ok(out);
}

interface Parts {
  readonly masterAwb: string;
  readonly houseAwb?: string;
  readonly consignment: Node;
  /** The master consignment of an XFZB, for locations the house does not repeat. */
  readonly fallback?: Node;
  readonly items: AdvanceGoodsItem[];
  readonly summary: string | undefined;
}

function build(kind: 'master' | 'house', header: Node | undefined, p: Parts): AdvanceConsignment {
  const c = p.consignment;
  const location = (key: string): string | undefined =>
    text(node(c[key])?.['ID']) ?? text(node(p.fallback?.[key])?.['ID']);
  const descriptions = p.items.map((i) => i.description).filter((d) => d !== undefined);
  const rec: Record<string, unknown> = {
    kind,
    messageId: text(header?.['ID']) ?? '',
    masterAwb: p.masterAwb,
    goodsDescription: p.summary ?? descriptions.join('; '),
    hsCodes: [...new Set(p.items.map((i) => i.hsCode).filter((h) => h !== undefined))],
    items: p.items,
  };
  const optional: Record<string, unknown> = {
    issuedAt: text(header?.['IssueDateTime']),
    purpose: text(header?.['PurposeCode']),
    houseAwb: p.houseAwb,
    shipper: party(node(c['ConsignorParty'])),
    consignee: party(node(c['ConsigneeParty'])),
    origin: location('OriginLocation'),
    destination: location('FinalDestinationLocation'),
    pieces: int(c['TotalPieceQuantity']),
    grossWeightKg: kilograms(c['IncludedTareGrossWeightMeasure']),
  };
  for (const [k, v] of Object.entries(optional)) if (v !== undefined) rec[k] = v;
  return rec as unknown as AdvanceConsignment;
}

function goodsItem(raw: unknown): AdvanceGoodsItem {
  const n = node(raw) ?? {};
  const item: Record<string, unknown> = {};
  const seq = int(n['SequenceNumeric']);
  if (seq !== undefined) item['sequence'] = seq;
  const code = text(n['TypeCode']);
  if (code && /^\d{6,10}$/.test(code)) item['hsCode'] = code;
  const desc = text(node(n['NatureIdentificationTransportCargo'])?.['Identification']);
  if (desc) item['description'] = oneLine(desc);
  const kg = kilograms(n['GrossWeightMeasure']);
  if (kg) item['grossWeightKg'] = kg;
  const pieces = int(n['PieceQuantity']);
  if (pieces !== undefined) item['pieces'] = pieces;
  return item as AdvanceGoodsItem;
}

/** Names and streets arrive with embedded line breaks; the first name line is the name, the rest is address. */
function party(n: Node | undefined): AdvanceParty | undefined {
  const nameLines = lines(text(n?.['Name']));
  if (!n || nameLines.length === 0) return undefined;
  const addr = node(n['PostalStructuredAddress']);
  const p: Record<string, unknown> = {
    name: nameLines[0],
    addressLines: [...nameLines.slice(1), ...lines(text(addr?.['StreetName']))],
  };
  const city = text(addr?.['CityName']);
  const postcode = text(addr?.['PostcodeCode']);
  const country = text(addr?.['CountryID']);
  if (city) p['city'] = city;
  if (postcode) p['postcode'] = postcode;
  if (country) p['country'] = country.toUpperCase();
  return p as unknown as AdvanceParty;
}

function kilograms(raw: unknown): string | undefined {
  const n = node(raw);
  const value = text(n ? n['#text'] : raw);
  const unit = n ? text(n['@unitCode']) : 'KGM';
  if (!value || !/^\d+(\.\d+)?$/.test(value)) return undefined;
  if (unit === 'KGM' || unit === undefined) return value;
  // Pounds are the only other weight unit Cargo-XML uses; converted exactly enough for matching (grams).
  if (unit === 'LBR') return (Math.round(Number(value) * 453.59237) / 1000).toString();
  return undefined;
}

const node = (v: unknown): Node | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Node) : undefined;
const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const lines = (v: string | undefined): string[] =>
  v
    ? v
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '')
    : [];
const oneLine = (v: string): string => lines(v).join(' ');
const int = (v: unknown): number | undefined => {
  const t = text(v);
  return t && /^\d+$/.test(t) ? Number(t) : undefined;
};
