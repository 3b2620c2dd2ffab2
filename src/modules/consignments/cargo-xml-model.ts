/**
 * Advance cargo data from IATA Cargo-XML air waybills, received before the aircraft lands: XFWB (the airline's
 * master air waybill) and XFZB (the forwarder's house air waybill, one per consignment inside a consolidation).
 * Weights stay decimal strings as sent; AWB numbers are normalised like the manifest's so that they can be matched.
 */
export interface AdvanceParty {
  readonly name: string;
  readonly addressLines: readonly string[];
  readonly city?: string;
  readonly postcode?: string;
  readonly country?: string;
}

export interface AdvanceGoodsItem {
  readonly sequence?: number;
  /** The commodity code as sent (Cargo-XML carries HS 6 or national 8-10 digit codes). */
  readonly hsCode?: string;
  readonly description?: string;
  readonly grossWeightKg?: string;
  readonly pieces?: number;
}

export interface AdvanceConsignment {
  readonly kind: 'master' | 'house';
  readonly messageId: string;
  readonly issuedAt?: string;
  /** Creation, Update or Deletion, as sent in MessageHeaderDocument/PurposeCode. */
  readonly purpose?: string;
  readonly masterAwb: string;
  readonly houseAwb?: string;
  readonly shipper?: AdvanceParty;
  readonly consignee?: AdvanceParty;
  /** IATA airport codes. */
  readonly origin?: string;
  readonly destination?: string;
  readonly pieces?: number;
  readonly grossWeightKg?: string;
  readonly goodsDescription: string;
  readonly hsCodes: readonly string[];
  readonly items: readonly AdvanceGoodsItem[];
}
