import { useState } from 'react';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { AssessmentTable } from './AssessmentTable.tsx';
import { figures, type AssessmentView } from './assessment-view.ts';

export interface ChannelReason {
  readonly code: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface PassengerResult {
  readonly id: string;
  readonly assessment: AssessmentView;
  readonly qr: { readonly token: string; readonly pngDataUrl: string };
  /** Absent in results saved on the device before the server said it; then derived from the assessment. */
  readonly channel?: 'green' | 'red';
  readonly channelReasons?: readonly ChannelReason[];
}

/** The channel to take, the QR code to show at the E-Gate, and the duty on the excess. Works offline once received. */
/** Pixels per QR module in the server's PNG (src/modules/passengers/qr-image.ts). */
const PNG_MODULE_PX = 6;
/** The white frame of `.qr` (styles.css), inside its width (border-box). */
const FRAME_PX = 24;

/**
 * The QR code drawn with a whole number of screen pixels per module, at most 320 px wide: scaled by a fraction, some
 * modules come out a pixel narrower than others and a gate camera (or a phone at 1×) may fail to read the code.
 */
function crispWidth(img: HTMLImageElement): number {
  const modules = img.naturalWidth / PNG_MODULE_PX;
  const room = Math.min(320, img.parentElement?.clientWidth ?? 320) - FRAME_PX;
  return Math.max(1, Math.floor(room / modules)) * modules + FRAME_PX;
}

export function ResultView({ result, onNew }: { result: PassengerResult; onNew: () => void }) {
  const { t, yen, num } = useI18n();
  const [qrWidth, setQrWidth] = useState<number | null>(null);
  const a = result.assessment;
  const f = figures(a);
  const red = result.channel ? result.channel === 'red' : f.totalYen > 0 || f.toAssess;
  const reasons = result.channelReasons ?? [];
  const reasonText = (r: ChannelReason): string =>
    t(`pr.channel.${r.code}` as MessageKey, {
      ...r.params,
      ...(typeof r.params?.['question'] === 'string' ? { question: t(`tr.q.${r.params['question']}` as MessageKey) } : {}),
    });
  return (
    <>
      <div className="panel panel--confirm">
        <h1>{t('tr.done.title')}</h1>
        <p>{t('tr.done.ref', { id: result.id })}</p>
      </div>
      <div className={`channel ${red ? 'channel--red' : 'channel--green'}`} data-testid="passenger-channel" data-channel={red ? 'red' : 'green'}>
        <h2>{t(red ? 'pr.channel.red' : 'pr.channel.green')}</h2>
        {red && reasons.length > 0 ? (
          <ul>
            {reasons.map((r, i) => (
              <li key={i}>{reasonText(r)}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <h2>{t('tr.qr.title')}</h2>
      <p>{t('tr.qr.lead')}</p>
      <img
        className="qr"
        data-testid="qr"
        src={result.qr.pngDataUrl}
        alt={t('tr.qr.alt')}
        width={qrWidth ?? 320}
        height={qrWidth ?? 320}
        style={qrWidth ? { width: qrWidth, height: qrWidth } : undefined}
        onLoad={(e) => setQrWidth(crispWidth(e.currentTarget))}
      />
      <h2>{t('tr.duty.title')}</h2>
      <p className="duty-total" data-testid="passenger-duty">
        {t('tr.duty.total')}: <strong>{f.toAssess ? t('pr.total.plusOfficer', { amount: yen(f.totalYen) }) : yen(f.totalYen)}</strong>
      </p>
      <p className="hint">
        {t('pr.total.rounding', { sum: yen(f.sumYen), unit: num(f.unitYen) })}
        {f.toAssess ? ` ${t('pr.total.officerNote')}` : ''}
      </p>
      <AssessmentTable assessment={a} />
      <p className="hint">{t('pr.assumptions')}</p>
      <button type="button" className="button button--secondary" onClick={onNew}>
        {t('tr.new')}
      </button>
    </>
  );
}
