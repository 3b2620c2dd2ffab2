import { normalizeHouseAwb, normalizeMasterAwb } from './awb.ts';
import type { AdvanceConsignment } from './cargo-xml-model.ts';
import type { ClearableConsignment } from './clearable.ts';

export type AdvanceMatch = {
  readonly advance: AdvanceConsignment;
  readonly by: 'houseAwb' | 'masterAwbAndConsignee';
  /** Where the advance data and the manifest disagree: a risk signal, not a reason to refuse the match. */
  readonly discrepancies: readonly ('masterAwb' | 'consigneeName' | 'consigneeCountry')[];
};

/**
 * Links advance records (XFZB/XFWB received before arrival) to manifest consignments. The house AWB identifies a
 * parcel's waybill; without one (postal or direct shipments) the master AWB plus the consignee's name is the best
 * key. Names are compared folded (case, width, punctuation, word order) because the two sources are typed by
 * different people. A later record for the same key replaces the earlier one (an XFZB update); Deletion removes it.
 */
export class AdvanceIndex {
  private readonly byHouse = new Map<string, AdvanceConsignment>();
  private readonly byMasterConsignee = new Map<string, AdvanceConsignment>();

  add(rec: AdvanceConsignment): void {
    const house = rec.houseAwb === undefined ? undefined : (normalizeHouseAwb(rec.houseAwb) ?? rec.houseAwb);
    const master = normalizeMasterAwb(rec.masterAwb) ?? rec.masterAwb;
    const keyMc = rec.consignee ? `${master}|${foldName(rec.consignee.name)}` : undefined;
    const del = rec.purpose?.toLowerCase() === 'deletion';
    if (house !== undefined) {
      if (del) this.byHouse.delete(house);
      else this.byHouse.set(house, rec);
    }
    if (keyMc !== undefined) {
      // A master waybill's consignee is the deconsolidating agent, not a buyer: only houses, or masters without
      // houses (direct shipments), can name the parcel's consignee.
      if (del) this.byMasterConsignee.delete(keyMc);
      else if (rec.kind === 'house' || !this.byMasterConsignee.has(keyMc)) this.byMasterConsignee.set(keyMc, rec);
    }
  }

  get size(): number {
    return this.byHouse.size + this.byMasterConsignee.size;
  }

  match(c: ClearableConsignment): AdvanceMatch | undefined {
    const { houseAwb, masterAwb } = c.transportDocument;
    const byHouse = houseAwb === undefined ? undefined : this.byHouse.get(houseAwb.toUpperCase());
    if (byHouse) return { advance: byHouse, by: 'houseAwb', discrepancies: discrepancies(byHouse, c) };
    if (masterAwb === undefined) return undefined;
    const byMc = this.byMasterConsignee.get(`${masterAwb}|${foldName(c.buyer.name)}`);
    return byMc ? { advance: byMc, by: 'masterAwbAndConsignee', discrepancies: discrepancies(byMc, c) } : undefined;
  }
}

function discrepancies(a: AdvanceConsignment, c: ClearableConsignment): AdvanceMatch['discrepancies'] {
  const out: ('masterAwb' | 'consigneeName' | 'consigneeCountry')[] = [];
  const master = normalizeMasterAwb(a.masterAwb) ?? a.masterAwb;
  if (c.transportDocument.masterAwb !== undefined && c.transportDocument.masterAwb !== master) out.push('masterAwb');
  if (a.consignee && foldName(a.consignee.name) !== foldName(c.buyer.name)) out.push('consigneeName');
  if (a.consignee?.country !== undefined && a.consignee.country !== c.buyer.country) out.push('consigneeCountry');
  return out;
}

/** "Yamada, Taro" = "TARO YAMADA" = the same in full-width letters: NFKC, upper case, letters and digits only, words sorted. */
export function foldName(name: string): string {
  return name
    .normalize('NFKC')
    .toUpperCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '')
    .sort()
    .join(' ');
}
