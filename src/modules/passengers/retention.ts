import { CommonErrors, err, ok, type DomainError, type Result } from '../../kernel/index.ts';

/**
 * Passenger data is kept only for a set period after arrival; this decides which records are due for deletion.
 * The database job that deletes them calls it with its own rows and clock.
 */
export interface RetainedRecord {
  readonly id: string;
  /** ISO date or date-time of arrival (or of receipt, when the arrival is unknown). */
  readonly arrivalAt: string;
  /** Records under a legal hold (an open case) are kept whatever their age. */
  readonly legalHold?: boolean;
}

export interface RetentionPolicy {
  readonly retentionDays: number;
}

export interface RetentionDecision {
  /** Records that arrived before this instant are due. */
  readonly cutoff: string;
  readonly deleteIds: readonly string[];
  readonly keptOnHold: readonly string[];
}

export function dueForDeletion(
  records: readonly RetainedRecord[],
  now: Date,
  policy: RetentionPolicy,
): Result<RetentionDecision, DomainError> {
  if (!Number.isInteger(policy.retentionDays) || policy.retentionDays < 1) {
    return err(
      CommonErrors.config(`Passenger data retention must be a whole number of days ≥ 1, got ${policy.retentionDays}`),
    );
  }
  const cutoffMs = now.getTime() - policy.retentionDays * 86_400_000;
  const deleteIds: string[] = [];
  const keptOnHold: string[] = [];
  for (const r of records) {
    // Dates without a zone are read as UTC so the decision does not depend on the server's time zone.
    const iso = /^\d{4}-\d{2}-\d{2}$/.test(r.arrivalAt)
      ? `${r.arrivalAt}T00:00:00Z`
      : /T[\d:.]+$/.test(r.arrivalAt)
        ? `${r.arrivalAt}Z`
        : r.arrivalAt;
    const t = Date.parse(iso);
    // An unreadable date is treated as old: keeping data by mistake is the worse failure here.
    if (Number.isNaN(t) || t < cutoffMs) (r.legalHold ? keptOnHold : deleteIds).push(r.id);
  }
  return ok({ cutoff: new Date(cutoffMs).toISOString(), deleteIds, keptOnHold });
}
