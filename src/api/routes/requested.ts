import type { Declaration } from '../../modules/declarations/index.ts';

/**
 * What the trader is asked to do now, for API clients (the web app words the same rules from its catalogue): the
 * status first — released and rejected ask nothing more, held says to answer the officer — then the lane, the
 * permits the lines need and what is still owed. Never "nothing to present" while a permit or a hold is pending.
 */
export function requestedFor(
  d: Pick<Declaration, 'status' | 'lane' | 'assessment' | 'warnings'> & { readonly paidYen?: number },
  present: { readonly red: string; readonly yellow: string },
): string {
  const a = (d.assessment ?? {}) as { totalYen?: number; paidYen?: number };
  const owed = Math.max((a.totalYen ?? 0) - (d.paidYen ?? a.paidYen ?? 0), 0);
  const permits = [...new Set(d.warnings.flatMap((w) => (w.permits ?? []).map((p) => p.code)))];
  switch (d.status) {
    case 'released':
      return 'The goods are released: there is nothing more to present or pay.';
    case 'rejected':
      return 'The customs office rejected the declaration (the reason is in its history). File a new declaration if the goods are still to be cleared.';
    case 'draft':
      return 'The declaration is a draft: complete it, then submit it.';
    case 'submitted':
    case 'accepted':
    case 'assessed':
      return 'The customs office is checking the declaration; there is nothing to do yet.';
  }
  const parts: string[] = [];
  if (d.status === 'held') {
    parts.push('The customs office has held the declaration (the reason is in its history): send the documents asked for (POST /api/v1/declarations/{id}/documents), or amend the declaration if something in it is wrong.');
  } else if (d.lane === 'red') parts.push(present.red);
  else if (d.lane === 'yellow') parts.push(present.yellow);
  else if (permits.length === 0 && owed === 0) return 'There are no documents or goods to present, and nothing to pay.';
  else if (permits.length === 0) parts.push('There are no documents or goods to present.');
  if (permits.length > 0) parts.push(`The goods need permits or confirmations under other laws (${permits.join(', ')}): show them to the customs office.`);
  if (owed > 0) parts.push(d.lane === 'green' && d.status === 'lane_assigned' ? `Pay ¥${owed} of duty and taxes: the goods are released once it is paid.` : `Pay ¥${owed} of duty and taxes.`);
  return parts.join(' ');
}
