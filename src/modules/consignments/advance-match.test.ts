import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirFromEnv } from '../../config.ts';
import { AdvanceIndex, foldName } from './advance-match.ts';
import { parseCargoXml } from './cargo-xml.ts';
import type { AdvanceConsignment } from './cargo-xml-model.ts';
import type { Consignment } from './model.ts';
import { sampleConsignment } from './sample.ts';

const xfzb = (): AdvanceConsignment => {
  const r = parseCargoXml(
    readFileSync(join(dataDirFromEnv(), 'messages', 'iata-cargo-xml-riege', 'SEL22222222_XFZB.xml'), 'utf8'),
  );
  if (!r.ok) throw new Error('fixture unreadable');
  return r.value[0]!;
};
const manifest = (
  transportDocument: Consignment['transportDocument'],
  buyerName = 'Repair Dienst GmbH',
  country = 'DE',
): Consignment => {
  const c = sampleConsignment();
  return { ...c, transportDocument, buyer: { ...c.buyer, name: buyerName, country } };
};

describe('matching advance data to manifest consignments', () => {
  it('matches by house AWB first, whatever its case', () => {
    const index = new AdvanceIndex();
    index.add(xfzb());
    const m = index.match(manifest({ houseAwb: 'SEL22222222', masterAwb: '888-11111111' }));
    expect(m && { by: m.by, house: m.advance.houseAwb, discrepancies: m.discrepancies }).toEqual({
      by: 'houseAwb',
      house: 'SEL22222222',
      discrepancies: [],
    });
  });

  it('falls back to master AWB plus consignee name when the manifest has no house AWB', () => {
    const index = new AdvanceIndex();
    index.add(xfzb());
    const m = index.match(manifest({ masterAwb: '888-11111111' }, 'REPAIR-DIENST, GmbH'));
    expect(m?.by).toBe('masterAwbAndConsignee');
    expect(index.match(manifest({ masterAwb: '888-11111111' }, 'Someone Else'))).toBeUndefined();
    expect(index.match(manifest({ masterAwb: '020-68548340' }))).toBeUndefined();
  });

  it('reports where a house-AWB match disagrees with the manifest, as a risk signal', () => {
    const index = new AdvanceIndex();
    index.add(xfzb());
    const m = index.match(manifest({ houseAwb: 'SEL22222222', masterAwb: '020-68548340' }, 'Yamada Taro', 'JP'));
    expect(m?.discrepancies).toEqual(['masterAwb', 'consigneeName', 'consigneeCountry']);
  });

  it('does not take a master waybill’s consignee (the deconsolidating agent) over a house record', () => {
    const index = new AdvanceIndex();
    const house = xfzb();
    index.add(house);
    const { houseAwb: _house, ...masterOnly } = house;
    index.add({ ...masterOnly, kind: 'master', messageId: 'M' });
    expect(index.match(manifest({ masterAwb: '888-11111111' }))?.advance.messageId).toBe(house.messageId);
  });

  it('forgets a record when a Deletion message arrives', () => {
    const index = new AdvanceIndex();
    index.add(xfzb());
    index.add({ ...xfzb(), purpose: 'Deletion' });
    expect(index.match(manifest({ houseAwb: 'SEL22222222' }))).toBeUndefined();
    expect(index.size).toBe(0);
  });

  it('folds names across case, full-width letters, punctuation and word order', () => {
    expect(foldName('Yamada, Taro')).toBe(foldName('ＴＡＲＯ　ＹＡＭＡＤＡ'));
    expect(foldName('Yamada Taro')).not.toBe(foldName('Yamada Hanako'));
  });
});
