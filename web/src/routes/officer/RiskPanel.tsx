import type { RiskReasonView, RiskView } from '../../components/declaration-types.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { reasonText, scoreReasons, selectionReasons } from './risk-reasons.ts';

function ReasonList({ reasons, testId }: { reasons: readonly RiskReasonView[]; testId: string }) {
  const { t, num } = useI18n();
  const mode = (m: string): string => t(`mode.${m}` as MessageKey);
  return (
    <ul className="reasons" data-testid={testId}>
      {reasons.map((r, i) => (
        <li key={i} data-code={r.code}>
          {r.items && r.items.length > 0 ? <span className="hint">{r.items.map((n) => t('assess.item', { n: n + 1 })).join(', ')}: </span> : null}
          <strong>{reasonText(r, t, num, mode)}</strong>
        </li>
      ))}
    </ul>
  );
}

/**
 * What the officer needs to know about the targeting of a declaration: the model's score with its strongest reasons
 * and version (or, once, that there is no model), and — only when the declaration was selected — why.
 */
export function RiskPanel({ risk, lane }: { risk: RiskView | null; lane: string | null }) {
  const { t, num } = useI18n();
  if (!risk) {
    return (
      <section className="card" data-testid="risk-score">
        <p>{t('officer.notScored')}</p>
      </section>
    );
  }
  const selection = selectionReasons(risk.reasons);
  const selected = (lane !== null && lane !== 'green') || selection.length > 0;
  const why = scoreReasons(risk.reasons, risk.modelReasons);
  return (
    <>
      <section aria-labelledby="score-title" className="card" data-testid="risk-score">
        <h2 id="score-title">{t('risk.score.title')}</h2>
        {risk.noModel || risk.score === null || risk.score === undefined ? (
          <p data-testid="no-model">{t('risk.noModel')}</p>
        ) : (
          <>
            <dl className="summary-list">
              <div>
                <dt>{t('risk.score.label')}</dt>
                <dd data-testid="score">
                  <meter min={0} max={1} low={0.2} high={0.5} optimum={0} value={risk.score} aria-hidden="true" />{' '}
                  {t('risk.score.value', { pct: num(Math.round(risk.score * 1000) / 10) })}
                </dd>
              </div>
              <div>
                <dt>{t('risk.score.model')}</dt>
                <dd data-testid="model-version">
                  <code>{risk.modelVersion ?? '—'}</code>
                </dd>
              </div>
            </dl>
            <h3>{t('risk.score.why')}</h3>
            {why.length > 0 ? <ReasonList reasons={why} testId="score-reasons" /> : <p>{t('risk.score.none')}</p>}
          </>
        )}
      </section>
      {selected ? (
        <section aria-labelledby="risk-title" className="card card--risk" data-testid="risk">
          <h2 id="risk-title">{t('risk.selected.title')}</h2>
          {risk.laneKept ? (
            <p data-testid="lane-kept">
              {t('integrity.laneKept', { lane: t(`lane.${risk.laneKept.lane}` as MessageKey), selected: t(`lane.${risk.laneKept.selected}` as MessageKey) })}
            </p>
          ) : null}
          {selection.length > 0 ? <ReasonList reasons={selection} testId="selection-reasons" /> : <p>{t('officer.noReasons')}</p>}
        </section>
      ) : (
        <p className="hint" data-testid="not-selected">
          {t('risk.notSelected')}
        </p>
      )}
    </>
  );
}
