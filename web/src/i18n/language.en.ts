/** Keys of the shared display pieces: estimate totals and their rounding, rates, permits, what to do by lane. */
export const languageEn = {
  'assess.rounding': '{tax}: the items add up to {sum}; the fraction below ¥100, {dropped}, is dropped, leaving {total} ({law}).',
  'assess.rounding.duty': 'Customs Act Art. 13',
  'assess.rounding.tax': 'Act on General Rules for National Taxes Art. 119 and Local Tax Act',
  'assess.requires.gsp': 'a GSP certificate of origin (Form A)',
  'assess.requires.epa': 'a preference claim under this agreement, with proof of origin',
  'assess.requires.simplified': 'declining the simplified rates for the whole declaration',
  'assess.requires.quota': 'a tariff-quota allocation',
  'decl.requested.green': 'Nothing to present. The goods are released once the duty and taxes are paid.',
  'decl.requested.yellow': 'Present the commercial documents (invoice, packing list, origin certificate if a preference is claimed) to the customs office.',
  'decl.requested.red': 'Present the goods for examination at the customs office or bonded area, with the commercial documents.',
  'decl.howToContest':
    'If you disagree with a decision, you may ask the customs office for an explanation and, within three months, file a request for re-examination or an administrative appeal.',
  'decl.permits': 'Permits needed',
  'history.role.trader': 'the trader',
  'history.role.officer': 'a customs officer',
  'history.role.analyst': 'a risk analyst',
  'history.role.admin': 'an administrator',
  'history.role.unknown': 'a former user',
  'history.actorNamed': '{role} ({name})',
  'history.system': 'the system',
} as const;
