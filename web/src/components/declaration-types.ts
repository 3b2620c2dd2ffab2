import type { ServerWorded } from '../i18n/server-text.ts';
import type { Assessment } from './AssessmentView.tsx';

/** What `GET /api/v1/declarations/:id` returns; officers get `risk`, traders `requested` and `howToContest`. */
export interface DeclarationView {
  readonly id: string;
  readonly kind: 'import' | 'export';
  readonly status: string;
  readonly version: number;
  readonly lrn: string | null;
  readonly lane: 'green' | 'yellow' | 'red' | null;
  /** Yen received so far (kept across amendments). */
  readonly paidYen?: number;
  /** Officers only: what the status still allows ('release', 'hold', 'reject', 'payment', 'finding'). */
  readonly allowedActions?: readonly string[];
  readonly assessment: (Assessment & { problems?: readonly (ServerWorded & { path: string })[]; paidYen?: number }) | null;
  readonly risk?: RiskView | null;
  readonly requested?: string | null;
  readonly howToContest?: string | null;
  readonly warnings: readonly (ServerWorded & { path: string; permits?: readonly { code: string; law: string; documents: string; ministry?: string }[] })[];
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly data: {
    readonly customsOffice: string;
    readonly kind?: 'import' | 'export';
    readonly importer?: { name?: string };
    readonly exporter?: { name?: string };
    readonly seller?: { name?: string; country?: string };
    readonly buyer?: { name?: string; country?: string };
    readonly declarant: { name?: string; corporateNumber?: string };
    readonly transport: { mode: string; date: string; port: string; portOfLoading?: string; transportDocument?: { type: string; number: string } };
    readonly incoterm?: string;
    readonly items: readonly {
      code9: string;
      description: string;
      originCountry: string;
      quantities?: readonly { amount: string; unit: string }[];
      netMassKg?: string;
      invoiceValue: { amount: string; currency: string };
      preference?: string;
    }[];
  };
}

/** One reason of a selection or a score: the text is English; the console writes it from the code and params. */
export interface RiskReasonView {
  readonly code: string;
  readonly text: string;
  readonly source: string;
  readonly items?: readonly number[];
  readonly params?: Readonly<Record<string, unknown>>;
}

export interface RiskView {
  readonly lane?: string;
  readonly reasons?: readonly RiskReasonView[];
  readonly score?: number | null;
  readonly modelVersion?: string | null;
  readonly control?: boolean;
  readonly noModel?: boolean;
  /** Set when an amendment kept the lane above what targeting selected for the new version. */
  readonly laneKept?: { readonly lane: string; readonly selected: string };
  /** The model's strongest reasons for its score, whatever the lane. */
  readonly modelReasons?: readonly RiskReasonView[];
}

export interface HistoryEvent {
  readonly seq: number;
  readonly type: string;
  readonly actor: string;
  /** The actor's role ('system' for the platform's own steps); absent for a principal no longer known. */
  readonly actorRole?: string;
  /** The actor's name: officers see every name, a trader only its own. */
  readonly actorName?: string;
  readonly version: number;
  readonly at: string;
  readonly payload: Record<string, unknown>;
}

export const PENDING = new Set(['submitted', 'accepted', 'assessed']);
