import { useEffect, useState } from 'react';
import { api, apiKey } from '../../api/client.ts';
import { navigate, useLocation } from '../../app/router.tsx';
import { ErrorSummary, TextField } from '../../components/forms.tsx';
import { useI18n } from '../../i18n/index.tsx';

/**
 * Sign in by pasting the principal's API key. It is checked against the API before it is kept, and kept only in
 * sessionStorage (gone with the tab), never in localStorage or a cookie.
 */
export default function SignInPage() {
  const { t } = useI18n();
  const loc = useLocation();
  const [key, setKey] = useState('');
  const [error, setError] = useState<{ code?: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    document.title = `${t('signIn.title')} — ${t('app.name')}`;
  }, [t]);

  const submit = async () => {
    if (key.trim().length < 8) {
      setError({ message: t('signIn.tooShort') });
      return;
    }
    setBusy(true);
    const r = await api<unknown>('GET', '/api/v1/declarations?limit=1', undefined, { headers: { authorization: `Bearer ${key.trim()}` } });
    setBusy(false);
    if (!r.ok) {
      setError({ code: r.error.code, message: r.error.status === 401 ? t('signIn.wrongKey') : r.error.message });
      return;
    }
    apiKey.set(key.trim());
    navigate(loc.path + window.location.search, { replace: true });
  };

  return (
    <>
      <h1>{t('signIn.title')}</h1>
      <p className="lead">{t('signIn.lead')}</p>
      <ErrorSummary errors={error ? [{ key: 'apiKey', label: t('signIn.key'), error }] : []} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <TextField
          name="apiKey"
          label={t('signIn.key')}
          hint={t('signIn.hint')}
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={key}
          error={error ?? undefined}
          onValue={(v) => {
            setKey(v);
            setError(null);
          }}
        />
        <button type="submit" className="button" disabled={busy}>
          {t('signIn.button')}
        </button>
      </form>
    </>
  );
}
