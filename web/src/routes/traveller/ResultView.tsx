import { useI18n, type MessageKey } from '../../i18n/index.tsx';

export interface PassengerResult {
  readonly id: string;
  readonly assessment: {
    readonly lines: readonly { item: string; person: string; treatment: string; taxableYen: number | null; rate: string | null; dutyYen: number; explanation: string }[];
    readonly totalDutyYen: number;
    readonly requiresOfficerAssessment: boolean;
    readonly assumptions?: readonly { id: string; note: string }[];
  };
  readonly qr: { readonly token: string; readonly pngDataUrl: string };
}

/** The duty on the excess, line by line, and the QR code to show at the E-Gate. Works offline once received. */
export function ResultView({ result, onNew }: { result: PassengerResult; onNew: () => void }) {
  const { t, yen } = useI18n();
  const a = result.assessment;
  return (
    <>
      <div className="panel panel--confirm">
        <h1>{t('tr.done.title')}</h1>
        <p>{t('tr.done.ref', { id: result.id })}</p>
      </div>
      <h2>{t('tr.qr.title')}</h2>
      <p>{t('tr.qr.lead')}</p>
      <img className="qr" data-testid="qr" src={result.qr.pngDataUrl} alt={t('tr.qr.alt')} width={320} height={320} />
      <h2>{t('tr.duty.title')}</h2>
      <p className="duty-total" data-testid="passenger-duty">
        {t('tr.duty.total')}: <strong>{yen(a.totalDutyYen)}</strong>
      </p>
      {a.requiresOfficerAssessment ? <p className="inset">{t('tr.duty.officer')}</p> : null}
      <div className="table-wrap">
        <table className="stack-on-mobile">
          <thead>
            <tr>
              <th scope="col">{t('tr.duty.item')}</th>
              <th scope="col">{t('tr.duty.treatment')}</th>
              <th scope="col" className="num">
                {t('tr.duty.taxable')}
              </th>
              <th scope="col">{t('tr.duty.rate')}</th>
              <th scope="col" className="num">
                {t('tr.duty.duty')}
              </th>
            </tr>
          </thead>
          <tbody>
            {a.lines.map((l, i) => (
              <tr key={i}>
                <th scope="row">
                  {l.item}
                  <div className="hint">{l.explanation}</div>
                </th>
                <td data-label={t('tr.duty.treatment')}>{t(`tr.treatment.${l.treatment}` as MessageKey)}</td>
                <td data-label={t('tr.duty.taxable')} className="num">
                  {l.taxableYen === null ? '—' : yen(l.taxableYen)}
                </td>
                <td data-label={t('tr.duty.rate')}>{l.rate ?? '—'}</td>
                <td data-label={t('tr.duty.duty')} className="num">
                  {yen(l.dutyYen)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {a.assumptions && a.assumptions.length > 0 ? (
        <details>
          <summary>{t('assess.assumptions')}</summary>
          <ul>
            {a.assumptions.map((x) => (
              <li key={x.id}>{x.note}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <button type="button" className="button button--secondary" onClick={onNew}>
        {t('tr.new')}
      </button>
    </>
  );
}
