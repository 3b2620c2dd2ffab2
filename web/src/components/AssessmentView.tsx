import { columnName, formatCode9 } from './tariff.ts';
import { useI18n } from '../i18n/index.tsx';

/** The assessment contract's response (issue 3 item 4); fields the server may omit are optional here. */
export interface AssessmentItem {
  readonly code9: string;
  readonly appliedRate: { column: string; text: string };
  readonly alternatives?: readonly { column: string; text: string; dutyYen: number; differenceYen?: number; requires?: string }[];
  readonly customsValueYen: number;
  readonly dutyYen: number;
  readonly consumptionTaxYen: number;
  readonly localConsumptionTaxYen: number;
  readonly notes?: readonly { code: string; message: string }[];
}
export interface Assessment {
  readonly items?: readonly AssessmentItem[];
  readonly totals?: { customsValueYen: number; dutyYen: number; consumptionTaxYen: number; localConsumptionTaxYen: number; totalYen: number };
  readonly totalYen?: number;
  readonly assumptions?: readonly { code: string; message: string }[];
}

/** Duty breakdown per item, totals, and the alternative rates that would cost less (with what they require). */
export function AssessmentView({ assessment }: { assessment: Assessment }) {
  const { t, yen, lang } = useI18n();
  const items = assessment.items ?? [];
  const totals = assessment.totals;
  return (
    <div className="assessment">
      {totals ? (
        <dl className="totals" data-testid="totals">
          <div>
            <dt>{t('assess.customsValue')}</dt>
            <dd>{yen(totals.customsValueYen)}</dd>
          </div>
          <div>
            <dt>{t('assess.duty')}</dt>
            <dd data-testid="duty-total">{yen(totals.dutyYen)}</dd>
          </div>
          <div>
            <dt>{t('assess.consumptionTax')}</dt>
            <dd>{yen(totals.consumptionTaxYen)}</dd>
          </div>
          <div>
            <dt>{t('assess.localTax')}</dt>
            <dd>{yen(totals.localConsumptionTaxYen)}</dd>
          </div>
          <div className="totals__total">
            <dt>{t('assess.total')}</dt>
            <dd data-testid="grand-total">{yen(totals.totalYen)}</dd>
          </div>
        </dl>
      ) : null}
      {items.map((it, i) => {
        const cheaper = (it.alternatives ?? []).filter((a) => (a.differenceYen ?? a.dutyYen - it.dutyYen) < 0);
        return (
          <section key={i} className="card" aria-labelledby={`item-${i}`}>
            <h3 id={`item-${i}`}>
              {t('assess.item', { n: i + 1 })} — {formatCode9(it.code9)}
            </h3>
            <dl className="summary-list">
              <div>
                <dt>{t('assess.appliedRate')}</dt>
                <dd>
                  {columnName(it.appliedRate.column, lang)}: <span lang="ja">{it.appliedRate.text}</span>
                </dd>
              </div>
              <div>
                <dt>{t('assess.customsValue')}</dt>
                <dd>{yen(it.customsValueYen)}</dd>
              </div>
              <div>
                <dt>{t('assess.duty')}</dt>
                <dd>{yen(it.dutyYen)}</dd>
              </div>
              <div>
                <dt>{t('assess.consumptionTaxBoth')}</dt>
                <dd>
                  {yen(it.consumptionTaxYen)} + {yen(it.localConsumptionTaxYen)}
                </dd>
              </div>
            </dl>
            {cheaper.length > 0 ? (
              <div className="inset" data-testid="savings">
                <h4>{t('assess.savings')}</h4>
                <ul>
                  {cheaper.map((a) => (
                    <li key={a.column}>
                      {columnName(a.column, lang)} (<span lang="ja">{a.text}</span>): {yen(a.dutyYen)} —{' '}
                      {t('assess.saves', { amount: yen(-(a.differenceYen ?? a.dutyYen - it.dutyYen)) })}
                      {a.requires ? <span className="hint"> {a.requires}</span> : null}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {it.notes && it.notes.length > 0 ? (
              <ul className="notes">
                {it.notes.map((n, j) => (
                  <li key={j}>
                    {n.message} <code className="code">{n.code}</code>
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
        );
      })}
      {assessment.assumptions && assessment.assumptions.length > 0 ? (
        <details>
          <summary>{t('assess.assumptions')}</summary>
          <ul>
            {assessment.assumptions.map((a, i) => (
              <li key={i}>
                {a.message} <code className="code">{a.code}</code>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
