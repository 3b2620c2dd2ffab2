import type { Consignment } from '../../modules/consignments/index.ts';
import type { RiskItem } from '../../modules/risk/index.ts';

/**
 * A consignment's item lines as the risk model sees them — the same RiskItem shape as declarations (risk.service.ts
 * riskItems), so one feature pipeline serves both. Only what the platform sent is used (the declared HS code, not a
 * suggested one: a missing or vague code is itself a signal), plus each line's value in yen.
 */
export function consignmentRiskItems(c: Consignment, lineYen: readonly number[], date: string): RiskItem[] {
  const carrier = c.transportDocument.masterAwb?.slice(0, 3) ?? '';
  const massShare = c.grossMassKg / c.items.length;
  return c.items.map((it, i) => ({
    date,
    office: '',
    processType: 'manifest',
    importType: 'low-value',
    importUse: '',
    paymentType: '',
    transportMode: 'air',
    declarant: c.platform.name,
    importer: c.buyer.name,
    seller: c.seller.name,
    courier: carrier,
    hs: it.hsCode ?? '',
    departure: c.seller.country,
    origin: c.seller.country,
    taxRate: 0,
    taxType: it.unit,
    originIndicator: 'N',
    netMassKg: massShare,
    value: lineYen[i] ?? 0,
  }));
}
