import type { DeclarationInput, TransportMode } from '../../declarations/index.ts';
import { Decimal } from '../../../kernel/index.ts';

/**
 * The facts targeting looks at, flattened out of a declaration once so that rules and the selection policy never
 * dig through the declaration shape themselves. Yen values come from the assessment (customs value per item) and
 * AEO status from the party registry: both are passed in, which keeps this module free of I/O.
 */
export interface ItemFacts {
  readonly index: number;
  readonly code9: string;
  readonly originCountry: string;
  /** Customs value of the item in yen, or null before assessment (value bands then do not match). */
  readonly valueYen: number | null;
  /** Yen per unit of the first declared quantity, a decimal string; null when value or quantity is missing. */
  readonly unitPriceYen: string | null;
  readonly unit: string | null;
}

export interface DeclarationFacts {
  readonly declarationId: string;
  readonly kind: 'import' | 'export';
  readonly customsOffice: string;
  readonly transportMode: TransportMode;
  readonly portOfLoading: string | null;
  /** Country of the port of loading (the first two letters of its UN/LOCODE). */
  readonly departureCountry: string | null;
  readonly importerId: string | null;
  readonly exporterId: string | null;
  readonly declarantId: string | null;
  readonly sellerId: string | null;
  /** AEO status of the trader: the importer of an import, the exporter of an export. */
  readonly traderAeo: boolean;
  readonly declarantAeo: boolean;
  readonly items: readonly ItemFacts[];
}

export interface FactsContext {
  readonly declarationId: string;
  /** Party registry lookup; unknown parties are not AEO. */
  readonly isAeo: (partyId: string) => boolean;
  /** Customs value in yen per item, in item order (from the assessment). */
  readonly itemValuesYen?: readonly (number | null)[];
}

export function declarationFacts(input: DeclarationInput, ctx: FactsContext): DeclarationFacts {
  const trader = input.kind === 'import' ? input.importer : input.exporter;
  const aeo = (id: string | undefined): boolean => id !== undefined && ctx.isAeo(id);
  const pol = input.transport.portOfLoading ?? null;
  return {
    declarationId: ctx.declarationId,
    kind: input.kind,
    customsOffice: input.customsOffice,
    transportMode: input.transport.mode,
    portOfLoading: pol,
    departureCountry: pol === null ? null : pol.slice(0, 2),
    importerId: input.importer?.partyId ?? null,
    exporterId: input.exporter?.partyId ?? null,
    declarantId: input.declarant.partyId ?? null,
    sellerId: input.seller?.partyId ?? null,
    traderAeo: aeo(trader?.partyId),
    declarantAeo: aeo(input.declarant.partyId),
    items: input.items.map((item, index) => {
      const valueYen = ctx.itemValuesYen?.[index] ?? null;
      const q = item.quantities[0];
      return {
        index,
        code9: item.code9,
        originCountry: item.originCountry,
        valueYen,
        unitPriceYen: unitPrice(valueYen, q?.amount),
        unit: q?.unit ?? null,
      };
    }),
  };
}

function unitPrice(valueYen: number | null, amount: string | undefined): string | null {
  if (valueYen === null || amount === undefined) return null;
  let qty: Decimal;
  try {
    qty = new Decimal(amount);
  } catch {
    return null;
  }
  if (!qty.isFinite() || qty.lte(0)) return null;
  // Two decimals are plenty for a band comparison and keep the string stable across runs.
  return new Decimal(valueYen).dividedBy(qty).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN).toFixed(2);
}
