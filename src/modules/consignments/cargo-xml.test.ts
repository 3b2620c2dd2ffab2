import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirFromEnv } from '../../config.ts';
import { parseCargoXml } from './cargo-xml.ts';

const fixture = (name: string): string =>
  readFileSync(join(dataDirFromEnv(), 'messages', 'iata-cargo-xml-riege', name), 'utf8');
const parsed = (name: string): ReturnType<typeof parseCargoXml> => parseCargoXml(fixture(name));

describe('IATA Cargo-XML air waybills', () => {
  it('reads an XFWB master air waybill: AWB, parties, route, pieces, weight, goods', () => {
    const r = parsed('888-11111111_XFWB.xml');
    expect(r.ok && r.value).toEqual([
      expect.objectContaining({
        kind: 'master',
        masterAwb: '888-11111111',
        purpose: 'Creation',
        origin: 'ORK',
        destination: 'PVG',
        pieces: 3,
        grossWeightKg: '1042.0',
        hsCodes: ['000111'],
        goodsDescription: 'CONSOLIDATION AS PER ATTACHED MANIFEST SECURE CARGO NOT RESTRICTED AIRLINE PHARMA SERVICE',
        shipper: {
          name: 'FORWARDER COMPANY IRELAND LTD',
          addressLines: ['HARBOUR POINT BUSINESS PARK'],
          city: 'LITTLE CITY',
          postcode: 'ABCD',
          country: 'IE',
        },
        consignee: {
          name: 'FORWARDER COMPANY SHANGHAI LTD',
          addressLines: ['ROOM 123 SPECIAL BUILDING. NR 987', 'SUHANG RD. PUDONG AIRPORT', 'AIRPORT ROAD'],
          city: 'SHANGHAI',
          country: 'CN',
        },
      }),
    ]);
  });

  it('keeps every commodity code of a multi-item XFWB, as text with its leading zeros', () => {
    const r = parsed('888-11111111_XFWB_multipleULD_multipleHTS.xml');
    expect(r.ok && r.value[0]!.hsCodes).toEqual(['000111', '000222']);
  });

  it('reads the US ACAS variant and the second carrier sample alike', () => {
    const acas = parsed('888-11111111_XFWB_ACAS_US.xml');
    const other = parsed('xfwbExample.xml');
    expect(acas.ok && acas.value[0]!.masterAwb).toBe('888-11111111');
    expect(other.ok && other.value[0]).toMatchObject({
      masterAwb: '020-68548340',
      origin: 'VCP',
      destination: 'CDG',
      pieces: 4,
      grossWeightKg: '36.9',
      hsCodes: [],
    });
  });

  it('reads an XFZB house waybill with its master AWB, house route and item codes', () => {
    const r = parsed('SEL22222222_XFZB.xml');
    expect(r.ok && r.value).toEqual([
      expect.objectContaining({
        kind: 'house',
        masterAwb: '888-11111111',
        houseAwb: 'SEL22222222',
        origin: 'ICN',
        destination: 'FDH',
        pieces: 10,
        grossWeightKg: '134.0',
        hsCodes: ['1133557799'],
        goodsDescription: 'SPARE PARTS F345732-D CIP TERM VOL.WGHT. 133.7 KG .088 CBM',
        consignee: {
          name: 'REPAIR DIENST GMBH',
          addressLines: ['SPEZIAL-STR. 13'],
          city: 'FRIEDRICHSHAFEN',
          postcode: '87654',
          country: 'DE',
        },
        items: [{ sequence: 1, hsCode: '1133557799', description: 'SPARE PARTS', grossWeightKg: '133.7', pieces: 5 }],
      }),
    ]);
  });

  it('gives one house record per IncludedHouseConsignment of an XFZB', () => {
    const xml = fixture('SEL22222222_XFZB.xml');
    const house = /<IncludedHouseConsignment>[\s\S]*<\/IncludedHouseConsignment>/.exec(xml)![0];
    const two = xml.replace(house, house + house.replace('<ID>SEL22222222</ID>', '<ID>SEL22222223</ID>'));
    const r = parseCargoXml(two);
    expect(r.ok && r.value.map((h) => [h.houseAwb, h.masterAwb])).toEqual([
      ['SEL22222222', '888-11111111'],
      ['SEL22222223', '888-11111111'],
    ]);
  });

  it('refuses malformed XML, other documents and DTDs with CARGO_XML_INVALID', () => {
    const codes = (xml: string): string[] => {
      const r = parseCargoXml(xml);
      return r.ok ? [] : r.error.map((p) => p.code);
    };
    expect(codes('<Waybill><ID>1</Waybill>')).toEqual(['CONSIGNMENT.CARGO_XML_INVALID']);
    expect(codes('<Invoice/>')).toEqual(['CONSIGNMENT.CARGO_XML_INVALID']);
    expect(codes('<!DOCTYPE x [<!ENTITY a "aaaa">]><Waybill/>')).toEqual(['CONSIGNMENT.CARGO_XML_INVALID']);
    expect(
      codes(
        fixture('SEL22222222_XFZB.xml').replace(/<TransportContractDocument>[\s\S]*?<\/TransportContractDocument>/, ''),
      ),
    ).toEqual(['CONSIGNMENT.CARGO_XML_INVALID']);
  });

  it('refuses documents the XML parser will not read (prototype names, deep nesting) as CARGO_XML_INVALID, never a throw', () => {
    const codes = (xml: string): string[] => {
      const r = parseCargoXml(xml);
      return r.ok ? [] : r.error.map((p) => p.code);
    };
    const awb = '<BusinessHeaderDocument><ID>888-11111111</ID></BusinessHeaderDocument>';
    expect(codes(`<Waybill><__proto__><ID>1</ID></__proto__>${awb}<MasterConsignment/></Waybill>`)).toEqual(['CONSIGNMENT.CARGO_XML_INVALID']);
    expect(codes(`<Waybill>${awb}<MasterConsignment><constructor><__proto__>x</__proto__></constructor></MasterConsignment></Waybill>`)).toEqual([
      'CONSIGNMENT.CARGO_XML_INVALID',
    ]);
    expect(codes(`<Waybill>${'<a>'.repeat(50_000)}${'</a>'.repeat(50_000)}</Waybill>`)).toEqual(['CONSIGNMENT.CARGO_XML_INVALID']);
    const houses = '<IncludedHouseConsignment><ID>H1</ID>'.repeat(3000) + '</IncludedHouseConsignment>'.repeat(3000);
    expect(
      codes(`<HouseWaybill><MasterConsignment><TransportContractDocument><ID>888-11111111</ID></TransportContractDocument>${houses}</MasterConsignment></HouseWaybill>`),
    ).toEqual(['CONSIGNMENT.CARGO_XML_INVALID']);
  });

  it('refuses an XFWB or XFZB whose master AWB fails its mod-7 check digit, and a malformed house AWB', () => {
    const r = parseCargoXml(fixture('888-11111111_XFWB.xml').replaceAll('888-11111111', '888-11111112'));
    expect(r.ok ? [] : r.error.map((p) => [p.code, p.path])).toEqual([['CONSIGNMENT.INVALID_AWB', '$.Waybill.BusinessHeaderDocument.ID']]);
    const house = fixture('SEL22222222_XFZB.xml');
    const master = /<TransportContractDocument>\s*<ID>([^<]+)<\/ID>/.exec(house)![1]!;
    const bad = parseCargoXml(house.replace(`<ID>${master}</ID>`, '<ID>123-45678901</ID>'));
    expect(bad.ok ? [] : bad.error.map((p) => p.code)).toEqual(['CONSIGNMENT.INVALID_AWB']);
  });
});
