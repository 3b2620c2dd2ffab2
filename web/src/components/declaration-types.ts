import type { Assessment } from './AssessmentView.tsx';

/** What `GET /api/v1/declarations/:id` returns; officers get `risk`, traders `requested` and `howToContest`. */
export interface DeclarationView {
  readonly id: string;
  readonly kind: 'import' | 'export';
  readonly status: string;
  readonly version: number;
  readonly lrn: string | null;
  readonly lane: 'green' | 'yellow' | 'red' | null;
  readonly assessment: (Assessment & { problems?: readonly { path: string; code: string; message: string }[]; paidYen?: number }) | null;
  readonly risk?: RiskView | null;
  readonly requested?: string | null;
  readonly howToContest?: string | null;
  readonly warnings: readonly { path: string; code: string; message: string }[];
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly data: {
    readonly customsOffice: string;
    readonly importer?: { name?: string };
    readonly exporter?: { name?: string };
    readonly declarant: { name?: string };
    readonly transport: { mode: string; date: string; port: string };
    readonly items: readonly { code9: string; description: string; originCountry: string; invoiceValue: { amount: string; currency: string } }[];
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
  /** The model's strongest reasons for its score, whatever the lane. */
  readonly modelReasons?: readonly RiskReasonView[];
}

export interface HistoryEvent {
  readonly seq: number;
  readonly type: string;
  readonly actor: string;
  readonly version: number;
  readonly at: string;
  readonly payload: Record<string, unknown>;
}

export const PENDING = new Set(['submitted', 'accepted', 'assessed']);
