import type { ClearableConsignment } from '../../modules/consignments/index.ts';
import type { RiskItem } from '../../modules/risk/index.ts';

/**
 * A consignment's item lines as the risk model sees them — the same RiskItem shape as declarations (risk.service.ts
 * riskItems), so one feature pipeline serves both. Only what the platform sent is used (the declared HS code, not a
 * suggested one: a missing or vague code is itself a signal), plus each line's value in yen.
 */
export function consignmentRiskItems(c: ClearableConsignment, lineYen: readonly number[], date: string): RiskItem[] {
  const carrier = c.transportDocument.masterAwb?.slice(0, 3) ?? '';
  const massShare = c.grossMassKg / c.items.length;
  return c.items.map((it, i) => new LineItem(date, c.platform.name, c.buyer.name, c.seller.name, carrier, it.hsCode ?? '', c.seller.country, it.unit, massShare, lineYen[i] ?? 0));
}

/**
 * A class rather than an object literal: value and mass are small integers for some lines and doubles for others, and
 * V8 deprecates a literal's map when a field changes representation, after which each item made by another literal
 * site of the same shape is migrated on first read (see ScaledValue in kernel/money.ts).
 */
class LineItem implements RiskItem {
  readonly office = '';
  readonly processType = 'manifest';
  readonly importType = 'low-value';
  readonly importUse = '';
  readonly paymentType = '';
  readonly transportMode = 'air';
  readonly taxRate = 0;
  readonly originIndicator = 'N';
  readonly departure: string;
  constructor(
    readonly date: string,
    readonly declarant: string,
    readonly importer: string,
    readonly seller: string,
    readonly courier: string,
    readonly hs: string,
    readonly origin: string,
    readonly taxType: string,
    readonly netMassKg: number,
    readonly value: number,
  ) {
    this.departure = origin;
  }
}
