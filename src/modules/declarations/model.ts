import type { Money, Problem } from '../../kernel/index.ts';

/** Names follow the WCO Data Model where natural (declarant, importer, exporter, seller/supplier, buyer, items). */
export type DeclarationKind = 'import' | 'export';
export type TransportMode = 'sea' | 'air' | 'road' | 'rail' | 'post' | 'multimodal';
export type Lane = 'green' | 'yellow' | 'red';

export interface PartyRef {
  /** A party of the registry; its corporate number and AEO status then come from there. */
  readonly partyId?: string;
  readonly name?: string;
  /** 法人番号: 13 digits, the first a check digit. */
  readonly corporateNumber?: string;
  readonly country?: string;
  readonly address?: string;
}

export interface Quantity {
  readonly amount: string;
  readonly unit: string;
}

export interface DeclarationItem {
  /** 9-digit statistical code of Japan's applied tariff schedule. */
  readonly code9: string;
  readonly description: string;
  readonly originCountry: string;
  readonly quantities: readonly Quantity[];
  readonly netMassKg?: string;
  readonly invoiceValue: Money;
  /** Agreement id of ../shared/data/jp-rules/agreements.json when a preference is claimed. */
  readonly preference?: string;
  readonly reducedRate?: boolean;
  readonly quota?: 'inside' | 'outside';
}

export interface Transport {
  readonly mode: TransportMode;
  /** Arrival (import) or departure (export) date, ISO yyyy-mm-dd. */
  readonly date: string;
  readonly portOfLoading?: string;
  /** UN/LOCODE of the Japanese port or airport of arrival (import) or departure (export). */
  readonly port: string;
  readonly transportDocument: { readonly type: 'BL' | 'AWB'; readonly number: string };
  readonly vesselOrFlight?: string;
}

export interface DeclarationInput {
  readonly kind: DeclarationKind;
  /** The declarant's own reference (LRN). */
  readonly lrn?: string;
  readonly customsOffice: string;
  readonly declarant: PartyRef;
  readonly importer?: PartyRef;
  readonly exporter?: PartyRef;
  readonly seller?: PartyRef;
  readonly buyer?: PartyRef;
  readonly transport: Transport;
  readonly incoterm?: string;
  readonly freight?: Money;
  readonly insurance?: Money;
  readonly items: readonly DeclarationItem[];
}

export type DeclarationStatus =
  | 'draft'
  | 'submitted'
  | 'accepted'
  | 'assessed'
  | 'lane_assigned'
  | 'released'
  | 'held'
  | 'rejected';

export interface Warning extends Problem {
  readonly permits?: readonly { code: string; law: string; documents: string; ministry?: string }[];
}

export interface Declaration {
  readonly id: string;
  readonly kind: DeclarationKind;
  readonly status: DeclarationStatus;
  /** Amendment version: 1 on creation, +1 for each amendment. */
  readonly version: number;
  readonly ownerId: string;
  readonly lrn: string | null;
  readonly data: DeclarationInput;
  readonly lane: Lane | null;
  readonly assessment: unknown;
  /** Yen received so far; kept apart from the assessment so that an amendment (a new assessment) never drops it. */
  readonly paidYen: number;
  readonly risk: unknown;
  readonly warnings: readonly Warning[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface DeclarationEvent {
  readonly seq: number;
  readonly type: string;
  readonly actor: string;
  readonly version: number;
  readonly at: string;
  readonly payload: Record<string, unknown>;
}
