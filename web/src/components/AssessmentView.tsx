import { Fragment } from 'react';
import { roundingLines } from './assessment-sums.ts';
import { columnName, formatCode9, rateText } from './tariff.ts';
import { useI18n, type Lang, type MessageKey } from '../i18n/index.tsx';
import { serverText, type ServerWorded } from '../i18n/server-text.ts';

/** The assessment contract's response (issue 3 item 4); fields the server may omit are optional here. */
export interface AssessmentItem {
  readonly code9: string;
  readonly appliedRate: { column: string; text: string };
  readonly alternatives?: readonly { column: string; text: string; dutyYen: number; differenceYen?: number; requires?: string }[];
  readonly customsValueYen: number;
  readonly dutyYen: number;
  readonly consumptionTaxYen: number;
  readonly localConsumptionTaxYen: number;
  readonly notes?: readonly ServerWorded[];
}
export interface Assessment {
  readonly items?: readonly AssessmentItem[];
  readonly totals?: { customsValueYen: number; dutyYen: number; consumptionTaxYen: number; localConsumptionTaxYen: number; totalYen: number };
  readonly totalYen?: number;
  readonly assumptions?: readonly ServerWorded[];
}

/** What a cheaper rate needs, in the page's language (the server words it in English for API users). */
function requirement(column: string, requires: string, t: (k: MessageKey) => string): string {
  if (/quota/.test(requires)) return t('assess.requires.quota');
  if (column === 'rate_gsp' || column === 'rate_gsp_ldc' || column === 'rate_ldc') return t('assess.requires.gsp');
  if (column.startsWith('epa_')) return t('assess.requires.epa');
  if (column.startsWith('rate_') && /simplified/.test(requires)) return t('assess.requires.simplified');
  return requires;
}

/** Duty breakdown per item, totals, and the alternative rates that would cost less (with what they require). */
export function AssessmentView({ assessment }: { assessment: Assessment }) {
  const { t, yen, lang } = useI18n();
  const items = assessment.items ?? [];
  const totals = assessment.totals;
  const rounding = roundingLines(assessment);
  const TAX_NAMES = { duty: 'assess.duty', consumptionTax: 'assess.consumptionTax', localTax: 'assess.localTax' } as const;
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
      {totals && rounding.length > 0 ? (
        <ul className="hint rounding" data-testid="rounding">
          {rounding.map((r) => (
            <li key={r.tax}>
              {t('assess.rounding', {
                tax: t(TAX_NAMES[r.tax]),
                sum: yen(r.itemsYen),
                dropped: yen(r.droppedYen),
                total: yen(r.totalYen),
                law: t(r.tax === 'duty' ? 'assess.rounding.duty' : 'assess.rounding.tax'),
              })}
            </li>
          ))}
        </ul>
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
                  {columnName(it.appliedRate.column, lang)}: <RateText text={it.appliedRate.text} lang={lang} />
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
                      {columnName(a.column, lang)} (<RateText text={a.text} lang={lang} />): {yen(a.dutyYen)} —{' '}
                      {t('assess.saves', { amount: yen(-(a.differenceYen ?? a.dutyYen - it.dutyYen)) })}
                      {a.requires ? <span className="hint"> {requirement(a.column, a.requires, t)}</span> : null}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {it.notes && it.notes.length > 0 ? (
              <ul className="notes">
                {it.notes.map((n, j) => (
                  <li key={j}>
                    {serverText(lang, n)} <code className="code">{n.code}</code>
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
                {serverText(lang, a)} <code className="code">{a.code}</code>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

/** A rate as the schedule prints it: the Japanese text on Japanese pages, its English reading otherwise. */
function RateText({ text, lang }: { text: string; lang: Lang }) {
  const shown = rateText(text, lang);
  return shown === text ? <span lang="ja">{text}</span> : <Fragment>{shown}</Fragment>;
}
