import type { languageEn } from './language.en.ts';

export const languageJa: Record<keyof typeof languageEn, string> = {
  'assess.rounding': '{tax}：品目の合計 {sum} の100円未満の端数 {dropped} を切り捨て、{total} としています（{law}）。',
  'assess.rounding.duty': '関税法第13条',
  'assess.rounding.tax': '国税通則法第119条・地方税法',
  'assess.requires.gsp': '特恵原産地証明書（様式A）',
  'assess.requires.epa': 'この協定による特恵の適用申告と原産地の証明',
  'assess.requires.simplified': '申告全体で簡易税率を適用しないこと',
  'assess.requires.quota': '関税割当証明書（枠内税率の適用）',
  'decl.requested.green': '提出するものはありません。関税・消費税の納付後に輸入が許可されます。',
  'decl.requested.yellow': '仕入書、包装明細書（特恵を受ける場合は原産地証明書）などの書類を税関に提出してください。',
  'decl.requested.red': '税関または保税地域で貨物の検査を受けてください。仕入書などの書類もご用意ください。',
  'decl.howToContest':
    '税関の処分に不服がある場合は、税関に説明を求めることができます。また、処分を知った日の翌日から3か月以内に再調査の請求または審査請求をすることができます。',
  'decl.permits': '必要な許可・承認等',
  'history.role.trader': '事業者',
  'history.role.officer': '税関職員',
  'history.role.analyst': 'リスク分析担当者',
  'history.role.admin': '管理者',
  'history.role.unknown': '削除された利用者',
  'history.actorNamed': '{role}（{name}）',
  'history.system': 'システム',
};
