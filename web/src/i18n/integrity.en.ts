/** Officer's declaration page: versions, closed decisions, what an amendment changed, payments kept. */
export const integrityEn = {
  'integrity.versionConflict': 'This declaration changed since you opened it. Reload it and check the new version before you act.',
  'integrity.reload': 'Reload the declaration',
  'integrity.decisionClosed': 'No further decision: the declaration is {status}.',
  'integrity.decideAgain': 'Make another decision',
  'integrity.version': 'Version',
  'integrity.paid': 'Paid so far',
  'integrity.amendedTitle': 'What the trader changed (version {from} → {to})',
  'integrity.amendedKept': 'Amended after a hold or selection: the declaration stays with you; the lane does not go down.',
  'integrity.noChanges': 'Sent again with the same content; nothing changed.',
  'integrity.change.from': 'before',
  'integrity.change.to': 'after',
  'integrity.change.none': '(none)',
  'integrity.finding': 'Finding: {kind}',
} as const;
