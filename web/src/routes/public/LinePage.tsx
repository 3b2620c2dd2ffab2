import { useEffect } from 'react';
import { useResource } from '../../api/use-resource.ts';
import { Link } from '../../app/router.tsx';
import { ApiErrorBanner } from '../../components/forms.tsx';
import { columnName, formatCode9, permitName, rateText } from '../../components/tariff.ts';
import { useI18n } from '../../i18n/index.tsx';

interface TariffLine {
  readonly code9: string;
  readonly descriptionJa: string;
  readonly descriptionPathJa: string;
  readonly units: readonly string[];
  readonly rates: Record<string, { text: string; fromRowId: number }>;
  readonly otherLaws: readonly { code: string; law: string; documents: string }[];
  readonly hs: { code: string; description: string } | null;
}

export default function LinePage({ params }: { params: Record<string, string> }) {
  const { t, lang } = useI18n();
  const code9 = params['code9'] ?? '';
  const res = useResource<TariffLine>(/^\d{9}$/.test(code9) ? `/api/v1/reference/tariff-lines/${code9}` : null);
  useEffect(() => {
    document.title = `${formatCode9(code9)} — ${t('app.name')}`;
  }, [code9, t]);
  const line = res.data;
  return (
    <>
      <p>
        <Link href="/">← {t('nav.search')}</Link>
      </p>
      <h1>
        <span className="caption">{t('line.caption')}</span> {formatCode9(code9)}
      </h1>
      {res.loading ? <p aria-busy="true">{t('app.loading')}</p> : null}
      <ApiErrorBanner error={res.error} />
      {line ? (
        <>
          <p className="lead">{lang === 'ja' ? line.descriptionJa : (line.hs?.description ?? line.descriptionJa)}</p>
          <dl className="summary-list">
            <div>
              <dt>{t('line.pathJa')}</dt>
              <dd lang="ja">{line.descriptionPathJa}</dd>
            </div>
            {line.hs ? (
              <div>
                <dt>{t('line.hs')}</dt>
                {/* The WCO's HS nomenclature exists in English only: quoted as published, not translated. */}
                <dd lang="en" translate="no">
                  {line.hs.code} — {line.hs.description}
                </dd>
              </div>
            ) : null}
            <div>
              <dt>{t('line.units')}</dt>
              <dd>{line.units.join(', ') || '—'}</dd>
            </div>
          </dl>
          <h2>{t('line.rates')}</h2>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t('line.rates')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('line.column')}</th>
                  <th scope="col">{t('line.rate')}</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(line.rates).map(([col, r]) => (
                  <tr key={col}>
                    <th scope="row">{columnName(col, lang)}</th>
                    <td lang={lang === 'ja' || rateText(r.text, lang) === r.text ? 'ja' : lang}>{rateText(r.text, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>{t('line.otherLaws')}</h2>
          {line.otherLaws.length === 0 ? (
            <p>{t('line.noOtherLaws')}</p>
          ) : (
            <ul>
              {line.otherLaws.map((o) => (
                <li key={o.code}>
                  <strong>{permitName(o.code, lang)}</strong>
                  {o.documents ? (
                    <span lang="ja">
                      {' '}
                      — {o.documents}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link className="button" href={`/estimate?code9=${code9}`}>
              {t('line.estimate')}
            </Link>
          </p>
        </>
      ) : null}
    </>
  );
}
