/** The officer's gate page: the red-channel verdict and the declaration behind a pass (English). */
export const gateEn = {
  'gate.verdict.red_channel': 'Red channel — send the traveller to the officer',
  'gate.reasons': 'Why',
  'gate.reason.GATE.DUTY_PAYABLE': 'Duty and taxes of {totalDutyYen} are payable',
  'gate.reason.GATE.OFFICER_ASSESSMENT': 'Goods to be assessed by an officer (general rates)',
  'gate.reason.GATE.WATCH_RULE': 'A watch rule matches the traveller ({ruleId})',
  'gate.reason.GATE.DECLARED_YES': 'The traveller answered “yes”: {question}',
  'gate.declaration': 'Declaration',
  'gate.declarationId': 'Reference',
  'gate.traveller': 'Traveller',
  'gate.arrival': 'Arrival',
  'gate.expiresAt': 'Pass valid until',
  'gate.goods': 'Declared goods and duty',
  'gate.noGoods': 'No goods declared.',
  'gate.notStored': 'The declaration is no longer stored (retention period over).',
} as const;
