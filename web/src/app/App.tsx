import { Suspense, useEffect, useRef, useState } from 'react';
import { apiKey } from '../api/client.ts';
import { APP_LANGS, LANG_NAMES, LangScope, TRAVELLER_LANGS, useI18n, type MessageKey } from '../i18n/index.tsx';
import { Link, matchPath, navigate, useLocation } from './router.tsx';
import { NotFoundPage, ROUTES, SignInPage, type Area } from './routes.ts';

const NAV: Record<Area, readonly { href: string; key: MessageKey }[]> = {
  public: [
    { href: '/', key: 'nav.search' },
    { href: '/estimate', key: 'nav.estimate' },
    { href: '/traveller', key: 'nav.traveller' },
    { href: '/trader', key: 'nav.trader' },
    { href: '/officer', key: 'nav.officer' },
  ],
  trader: [
    { href: '/trader', key: 'nav.myDeclarations' },
    { href: '/trader/declarations/new', key: 'nav.newDeclaration' },
    { href: '/trader/upload', key: 'nav.upload' },
    { href: '/', key: 'nav.search' },
  ],
  officer: [
    { href: '/officer', key: 'nav.queue' },
    { href: '/officer/dashboard', key: 'nav.dashboard' },
    { href: '/officer/rules', key: 'nav.rules' },
    { href: '/officer/search-references', key: 'nav.searchReferences' },
    { href: '/officer/exchange-rates', key: 'nav.exchangeRates' },
    { href: '/gate', key: 'nav.gate' },
  ],
  traveller: [],
};

/** Each area speaks its own languages: ja and en everywhere, zh and ko too on the traveller's pages. */
export function App() {
  const loc = useLocation();
  const area: Area = ROUTES.find((r) => matchPath(r.pattern, loc.path))?.area ?? 'public';
  return (
    <LangScope langs={area === 'traveller' ? TRAVELLER_LANGS : APP_LANGS}>
      <Shell />
    </LangScope>
  );
}

function Shell() {
  const { t, lang, setLang } = useI18n();
  const loc = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const [, setSignedIn] = useState(apiKey.get() !== null);

  let match: { route: (typeof ROUTES)[number]; params: Record<string, string> } | null = null;
  for (const route of ROUTES) {
    const params = matchPath(route.pattern, loc.path);
    if (params) {
      match = { route, params };
      break;
    }
  }
  const area: Area = match?.route.area ?? 'public';
  const needsKey = match?.route.signedIn === true && apiKey.get() === null;
  const Page = needsKey ? SignInPage : (match?.route.page ?? NotFoundPage);
  const langs = area === 'traveller' ? TRAVELLER_LANGS : APP_LANGS;

  // On every navigation, move focus to the page so screen-reader users hear the new heading, as after a page load.
  // Compared with the last path rather than "not the first run", so that effects run twice (StrictMode) do not steal
  // focus on the first load.
  const lastPath = useRef(loc.path);
  useEffect(() => {
    if (lastPath.current === loc.path) return;
    lastPath.current = loc.path;
    mainRef.current?.focus();
  }, [loc.path]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className={`header header--${area}`}>
        <div className="header__inner">
          <Link className="header__title" href={area === 'traveller' ? '/traveller' : '/'}>
            {t('app.name')}
            <span className="header__area">{t(`area.${area}`)}</span>
          </Link>
          <div className="lang-switch" role="group" aria-label={t('app.language')}>
            {langs.map((l) => (
              <button key={l} type="button" lang={l} aria-pressed={l === lang} onClick={() => setLang(l)}>
                {LANG_NAMES[l]}
              </button>
            ))}
          </div>
        </div>
        {NAV[area].length > 0 ? (
          <nav aria-label={t('app.nav')} className="nav">
            <ul>
              {NAV[area].map((n) => (
                <li key={n.href}>
                  <Link href={n.href} aria-current={loc.path === n.href ? 'page' : undefined}>
                    {t(n.key)}
                  </Link>
                </li>
              ))}
              {area !== 'public' && apiKey.get() !== null ? (
                <li>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      apiKey.clear();
                      setSignedIn(false);
                      navigate('/');
                    }}
                  >
                    {t('nav.signOut')}
                  </button>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className={`main main--${area}`}>
        <Suspense fallback={<p aria-busy="true">{t('app.loading')}</p>}>
          <Page params={match?.params ?? {}} />
        </Suspense>
      </main>
      <footer className="footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}
