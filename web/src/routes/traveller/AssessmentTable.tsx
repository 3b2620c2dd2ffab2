import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { basisText, figures, goodsLabel, groupLines, type AssessmentView } from './assessment-view.ts';

/**
 * The goods line by line (identical units on one row), what each owes or that an officer assesses it, and at the
 * foot the sum of the rows and the total after rounding: what the headline shows can be checked against the table.
 * Used by the traveller's result and the officer's gate page.
 */
export function AssessmentTable({ assessment }: { assessment: AssessmentView }) {
  const { t, yen, num } = useI18n();
  const rows = groupLines(assessment.lines);
  const f = figures(assessment);
  return (
    <div className="table-wrap">
      <table className="stack-on-mobile assessment">
        <thead>
          <tr>
            <th scope="col">{t('tr.duty.item')}</th>
            <th scope="col">{t('tr.duty.treatment')}</th>
            <th scope="col" className="num">
              {t('tr.duty.taxable')}
            </th>
            <th scope="col" className="num">
              {t('tr.duty.duty')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} data-testid="assessment-row">
              <th scope="row">
                {goodsLabel(r.line, t, num)}
                {r.count > 1 ? <span className="times"> {t('pr.times', { n: r.count })}</span> : null}
                {basisText(r.line, t, num).map((s, k) => (
                  <div className="hint" key={k}>
                    {s}
                  </div>
                ))}
              </th>
              <td data-label={t('tr.duty.treatment')}>{t(`tr.treatment.${r.line.treatment}` as MessageKey)}</td>
              <td data-label={t('tr.duty.taxable')} className="num">
                {r.taxableYen === null ? '—' : yen(r.taxableYen)}
              </td>
              <td data-label={t('tr.duty.duty')} className="num">
                {r.toAssess ? <em>{t('pr.toAssess')}</em> : yen(r.dutyYen)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              {t('pr.sum')}
            </th>
            <td className="num" data-testid="assessment-sum">
              {yen(f.sumYen)}
            </td>
          </tr>
          <tr>
            <th scope="row" colSpan={3}>
              {t('pr.totalRounded', { unit: num(f.unitYen) })}
              {f.toAssess ? <div className="hint">{t('pr.total.officerNote')}</div> : null}
            </th>
            <td className="num" data-label={t('tr.duty.total')}>
              <strong>{f.toAssess ? t('pr.total.plusOfficer', { amount: yen(f.totalYen) }) : yen(f.totalYen)}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
