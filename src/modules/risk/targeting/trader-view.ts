import { Type, type Static } from '@sinclair/typebox';
import type { Decision } from './decision.ts';

/**
 * What a trader may see of a selection. Reasons, scores, the model version and the control flag are left out on
 * purpose: they would show how to avoid selection. Only the lane, what to present and how to contest remain.
 * Built field by field (never by deleting from the decision) so that a field added to Decision later cannot leak.
 */
export const TraderViewSchema = Type.Object(
  {
    declarationId: Type.String(),
    lane: Type.Union([Type.Literal('green'), Type.Literal('yellow'), Type.Literal('red')]),
    requested: Type.Object({
      documents: Type.Array(Type.String()),
      presentGoods: Type.Boolean({ description: 'goods to be presented for physical inspection' }),
      text: Type.Object({ ja: Type.String(), en: Type.String() }),
    }),
    contest: Type.Object({ ja: Type.String(), en: Type.String() }),
  },
  { additionalProperties: false },
);
export type TraderView = Static<typeof TraderViewSchema>;

export interface TraderViewOptions {
  /** A preference is claimed on some item: the origin certificate or statement is then requested too. */
  readonly preferenceClaimed?: boolean;
}

const DOCUMENTS = ['commercial_invoice', 'packing_list', 'transport_document'];

const REQUESTED = {
  green: {
    ja: '審査・検査は不要です。納付すべき税額があれば納付後に輸入許可となります。',
    en: 'No examination is needed. The goods are released once any duty and tax due is paid.',
  },
  yellow: {
    ja: '書類審査の対象です。インボイス、パッキングリスト、B/L又はAWB等の書類を税関に提出してください。',
    en: 'Document check: present the invoice, packing list, bill of lading or air waybill and the other listed documents to customs.',
  },
  red: {
    ja: '貨物検査の対象です。書類を提出のうえ、税関の指定する場所・日時に貨物を搬入し検査を受けてください。',
    en: 'Physical inspection: present the listed documents and bring the goods to the place and time customs designates for inspection.',
  },
} as const;

const CONTEST = {
  ja:
    '税関の処分（関税等の決定、輸入の不許可など）に不服がある場合は、処分があったことを知った日の翌日から3月以内に' +
    '税関長に対して再調査の請求（関税法第89条）又は財務大臣に対して審査請求（同法第91条）をすることができます。' +
    '検査の手配や結果についてのご質問は、申告先の税関官署にお問い合わせください。',
  en:
    'If you disagree with a customs disposition (such as the assessment of duty or a refusal of import), you may, within ' +
    'three months from the day after you learned of it, request a re-investigation by the Director-General of Customs ' +
    '(Customs Act art. 89) or file a request for review with the Minister of Finance (art. 91). For questions on how ' +
    'or when the examination takes place, contact the customs office where you declared.',
};

export function traderView(decision: Decision, options: TraderViewOptions = {}): TraderView {
  const lane = decision.lane;
  const documents =
    lane === 'green'
      ? []
      : options.preferenceClaimed
        ? [...DOCUMENTS, 'origin_certificate_or_statement']
        : [...DOCUMENTS];
  return {
    declarationId: decision.declarationId,
    lane,
    requested: { documents, presentGoods: lane === 'red', text: { ...REQUESTED[lane] } },
    contest: { ...CONTEST },
  };
}
