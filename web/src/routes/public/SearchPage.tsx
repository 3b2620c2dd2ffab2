import { useEffect, useState } from 'react';
import { useResource } from '../../api/use-resource.ts';
import { Link, navigate, useLocation } from '../../app/router.tsx';
import { ApiErrorBanner } from '../../components/forms.tsx';
import { columnName, formatCode9, rateEntries, rateText } from '../../components/tariff.ts';
import { useI18n } from '../../i18n/index.tsx';

interface SearchItem {
  readonly code9: string;
  readonly hs6: string;
  readonly descriptionJa: string;
  readonly descriptionEn?: string;
  readonly path?: readonly string[];
  readonly rates?: unknown;
  /** Present on lines that officers give for this query (a search reference). */
  readonly reference?: { readonly term: string; readonly note: string | null };
}

/** UK Trade Tariff style: one box, plain words, results that show the code, the words and the rates at once. */
export default function SearchPage() {
  const { t, lang } = useI18n();
  const loc = useLocation();
  const q = loc.query.get('q') ?? '';
  const searchLang = lang === 'ja' ? 'ja' : 'en';
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  useEffect(() => {
    document.title = `${t('search.title')} — ${t('app.name')}`;
  }, [t]);
  const res = useResource<{ items: SearchItem[] }>(q.trim() ? `/api/v1/tariff/search?q=${encodeURIComponent(q.trim())}&lang=${searchLang}` : null);

  return (
    <>
      <h1>{t('search.title')}</h1>
      <p className="lead">{t('search.lead')}</p>
      <form
        role="search"
        className="search-form"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(`/?q=${encodeURIComponent(text.trim())}`);
        }}
      >
        <label htmlFor="tariff-q">{t('search.label')}</label>
        <div className="hint" id="tariff-q-hint">
          {t('search.hint')}
        </div>
        <div className="search-row">
          <input id="tariff-q" name="q" type="search" value={text} aria-describedby="tariff-q-hint" autoComplete="off" onChange={(e) => setText(e.target.value)} />
          <button type="submit" className="button">
            {t('search.button')}
          </button>
        </div>
      </form>
      {q && res.loading ? <p aria-busy="true">{t('app.loading')}</p> : null}
      <ApiErrorBanner error={res.error} />
      {q && res.data ? (
        <section aria-labelledby="results-title">
          <h2 id="results-title" aria-live="polite">
            {t('search.results', { count: res.data.items.length, q })}
          </h2>
          {res.data.items.length === 0 ? <p>{t('search.none')}</p> : null}
          {res.data.items[0]?.reference ? (
            <div className="banner" role="note">
              <strong>{t('search.reference', { term: res.data.items[0].reference.term })}</strong>
              {res.data.items[0].reference.note ? <p>{res.data.items[0].reference.note}</p> : null}
            </div>
          ) : null}
          <ol className="results">
            {res.data.items.map((it) => {
              const desc = searchLang === 'ja' ? it.descriptionJa : (it.descriptionEn ?? it.descriptionJa);
              const rates = rateEntries(it.rates).slice(0, 4);
              return (
                <li key={it.code9} className="result" data-code9={it.code9}>
                  <Link href={`/tariff/${it.code9}`} className="result__code">
                    {formatCode9(it.code9)}
                  </Link>
                  {it.reference ? <span className="tag">{t('search.referenced')}</span> : null}
                  <p className="result__desc">{desc}</p>
                  {it.path && it.path.length > 1 ? <p className="result__path">{it.path.slice(0, -1).join(' › ')}</p> : null}
                  {rates.length > 0 ? (
                    <dl className="rates-inline">
                      {rates.map((r) => (
                        <div key={r.column}>
                          <dt>{columnName(r.column, lang)}</dt>
                          <dd>{rateText(r.text, lang)}</dd>
                        </div>
                      ))}
                    </dl>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </section>
      ) : null}
    </>
  );
}
