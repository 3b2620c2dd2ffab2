import type { gateEn } from './gate.en.ts';

/** 職員用ゲート画面（日本語）。 */
export const gateJa: Record<keyof typeof gateEn, string> = {
  'gate.verdict.red_channel': '赤の検査台へ — 旅客を職員のところへ案内してください',
  'gate.reasons': '理由',
  'gate.reason.GATE.DUTY_PAYABLE': '関税等 {totalDutyYen} の納付が必要です',
  'gate.reason.GATE.OFFICER_ASSESSMENT': '職員による税額の算定が必要な物品があります（一般税率）',
  'gate.reason.GATE.WATCH_RULE': '注意対象ルールに該当します（{ruleId}）',
  'gate.reason.GATE.DECLARED_YES': '旅客が「はい」と回答しています：{question}',
  'gate.declaration': '申告内容',
  'gate.declarationId': '受付番号',
  'gate.traveller': '旅客',
  'gate.arrival': '到着便',
  'gate.expiresAt': 'QR コードの有効期限',
  'gate.goods': '申告された物品と税額',
  'gate.noGoods': '申告された物品はありません。',
  'gate.notStored': '申告は保存期間を過ぎたため削除されています。',
};
