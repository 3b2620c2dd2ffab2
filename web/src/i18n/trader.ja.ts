import type { MessageKey } from './en.ts';

/** 輸出入者ポータル: 申告欄の数量単位、次に行うこと、申告内容、訂正、書類の提出。 */
export const traderJa = {
  'unit.KG': 'キログラム',
  'unit.GR': 'グラム',
  'unit.MT': 'メートルトン',
  'unit.L': 'リットル',
  'unit.KL': 'キロリットル',
  'unit.NO': '個数',
  'unit.PR': '対（足）',
  'unit.DZ': 'ダース',
  'unit.GT': '総トン',
  'unit.DT': '排水トン',
  'unit.TH': '千個',
  'unit.M': 'メートル',
  'unit.SM': '平方メートル',
  'unit.CM': '立方メートル',
  'unit.CT': 'カラット',
  'unit.ST': 'セット',
  'list.and': '・',
  'f.quantityIn': '数量（{unit}・{code}）',
  'f.quantityIn.hint': 'この品目は{units}で数量を申告します。それぞれ入力してください。',
  'line.lookup': '品目を確認しています…',
  'line.found': '{code}：{description}',
  'line.noUnits': 'この品目には統計単位がありません。数量の入力は不要です。',
  'line.notFound': '実行関税率表にない番号です',
  'line.unknownUnit': '番号が確認できるまでは、数量と単位を入力してください。',
} satisfies Partial<Record<MessageKey, string>>;
