import { useEffect } from 'react';
import { Link } from '../../app/router.tsx';
import { AssessmentView } from '../../components/AssessmentView.tsx';
import { ApiErrorBanner } from '../../components/forms.tsx';
import { History } from '../../components/History.tsx';
import { LaneBadge, StatusTag } from '../../components/status.tsx';
import { useDeclaration } from '../../components/use-declaration.ts';
import { PENDING } from '../../components/declaration-types.ts';
import { permitName } from '../../components/tariff.ts';
import { useI18n } from '../../i18n/index.tsx';
import { serverText } from '../../i18n/server-text.ts';

/** The trader's view: status, duty, cheaper alternatives, lane and what is requested — never why it was selected. */
export default function DeclarationPage({ params }: { params: Record<string, string> }) {
  const { t, yen, lang } = useI18n();
  const { decl, history } = useDeclaration(params['id'] ?? '');
  const d = decl.data;
  useEffect(() => {
    document.title = `${t('trader.detail.title')} ${d?.lrn ?? ''} — ${t('app.name')}`;
  }, [t, d?.lrn]);
  return (
    <>
      <p>
        <Link href="/trader">← {t('nav.myDeclarations')}</Link>
      </p>
      <h1>
        <span className="caption">{t('trader.detail.title')}</span> {d?.lrn ?? params['id']}
      </h1>
      <ApiErrorBanner error={decl.error} />
      {d ? (
        <>
          <dl className="summary-list">
            <div>
              <dt>{t('decl.id')}</dt>
              <dd>
                <code>{d.id}</code>
              </dd>
            </div>
            <div>
              <dt>{t('decl.status')}</dt>
              <dd data-testid="status">
                <StatusTag status={d.status} />
                {PENDING.has(d.status) ? <span className="hint"> {t('decl.processing')}</span> : null}
              </dd>
            </div>
            <div>
              <dt>{t('decl.lane')}</dt>
              <dd data-testid="lane">
                <LaneBadge lane={d.lane} />
              </dd>
            </div>
            {d.assessment?.totalYen !== undefined ? (
              <div>
                <dt>{t('decl.owed')}</dt>
                <dd>
                  {yen(d.assessment.totalYen)}
                  {d.assessment.paidYen ? ` (${t('decl.paid', { amount: yen(d.assessment.paidYen) })})` : null}
                </dd>
              </div>
            ) : null}
          </dl>
          {d.requested ? (
            <div className="inset" data-testid="requested">
              <h2>{t('decl.requested')}</h2>
              <p>{d.lane ? t(`decl.requested.${d.lane}`) : d.requested}</p>
              {d.howToContest ? <p className="hint">{t('decl.howToContest')}</p> : null}
            </div>
          ) : null}
          {d.assessment?.problems ? (
            <div className="banner banner--error" role="alert">
              <h2>{t('decl.assessmentFailed')}</h2>
              <ul>
                {d.assessment.problems.map((p, i) => (
                  <li key={i}>
                    {p.path}: {serverText(lang, p)} <code className="code">{p.code}</code>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {d.warnings.length > 0 ? (
            <div className="inset">
              <h2>{t('decl.warnings')}</h2>
              <ul>
                {d.warnings.map((w, i) => (
                  <li key={i}>
                    {serverText(lang, w)} <code className="code">{w.code}</code>
                    {w.permits && w.permits.length > 0 ? (
                      <ul aria-label={t('decl.permits')}>
                        {w.permits.map((p) => (
                          <li key={p.code}>{permitName(p.code, lang)}</li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {d.assessment && !d.assessment.problems ? (
            <section aria-labelledby="duty-title">
              <h2 id="duty-title">{t('decl.duty')}</h2>
              <AssessmentView assessment={d.assessment} />
            </section>
          ) : null}
          <h2>{t('decl.history')}</h2>
          {history.data ? <History events={history.data.events} showPayload={false} /> : null}
        </>
      ) : null}
    </>
  );
}
