import type { integrityEn } from './integrity.en.ts';

/** 審査官の申告画面: 版、処分済みの申告、訂正の差分、納付済額。 */
export const integrityJa: Record<keyof typeof integrityEn, string> = {
  'integrity.versionConflict': 'この申告は、画面を開いた後に変更されています。再読み込みして最新の内容を確認してから処理してください。',
  'integrity.reload': '申告を再読み込み',
  'integrity.decisionClosed': 'この申告は「{status}」のため、これ以上処分できません。',
  'integrity.decideAgain': '別の処分を行う',
  'integrity.version': '版',
  'integrity.paid': '納付済額',
  'integrity.amendedTitle': '申告者による訂正内容（第{from}版 → 第{to}版）',
  'integrity.amendedKept': '保留または審査区分の選定後に訂正されたため、引き続き審査官の処理が必要です。審査区分は引き下げられません。',
  'integrity.noChanges': '同じ内容で再送信されました（変更はありません）。',
  'integrity.change.from': '訂正前',
  'integrity.change.to': '訂正後',
  'integrity.change.none': '（なし）',
  'integrity.laneKept': '審査区分は{lane}のままです。この版に対する選定結果は{selected}ですが、訂正によって審査区分は引き下げられません。',
  'integrity.payment.title': '納付の記録',
  'integrity.payment.owed': '未納額: {amount}',
  'integrity.payment.amount': '納付額（円）',
  'integrity.payment.reference': '納付の参照番号（領収番号・振込番号など）',
  'integrity.payment.submit': '納付を記録',
  'integrity.payment.recorded': '納付を記録しました。',
} as const;
