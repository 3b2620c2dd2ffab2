import type { Problem } from '../kernel/index.ts';
import type { Declaration, DeclarationInput, Lane } from '../modules/declarations/index.ts';

/** What the spine needs from the assessment module; wired in the composition root. */
export interface AssessmentPort {
  /** Assesses a declaration for the date; problems (e.g. no exchange rate) stop the declaration at `accepted`. */
  assess(input: DeclarationInput, date: string): { ok: true; value: AssessmentOutcome } | { ok: false; error: Problem[] };
}

export interface AssessmentOutcome {
  /** Everything owed, in yen (duty + consumption taxes). */
  readonly totalYen: number;
  /** The full assessment with its explanation, stored with the declaration version. */
  readonly detail: unknown;
}

export interface RiskDecision {
  readonly lane: Lane;
  /** Stored for officers; never shown to traders. */
  readonly detail: unknown;
}

/** What the spine needs from the risk module. */
export interface RiskPort {
  decide(declaration: Declaration, assessment: AssessmentOutcome): Promise<RiskDecision>;
}
