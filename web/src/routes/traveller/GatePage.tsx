import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client.ts';
import { ApiErrorBanner } from '../../components/forms.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';

interface Verification {
  readonly verdict: string;
  readonly [k: string]: unknown;
}
// The verifier's verdicts (src/modules/passengers/verifier.ts); 'accepted' is how the gate API may word 'valid'.
const KNOWN = new Set(['valid', 'accepted', 'replay', 'expired', 'tampered', 'malformed', 'unknown_key']);

/**
 * The officer's gate view: a scanner types the QR token into the focused box and presses Enter; the verdict is shown
 * large, in words and colour, and the box is cleared and refocused for the next traveller.
 */
export default function GatePage() {
  const { t } = useI18n();
  const [token, setToken] = useState('');
  const [result, setResult] = useState<Verification | null>(null);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    document.title = `${t('nav.gate')} — ${t('app.name')}`;
    input.current?.focus();
  }, [t]);

  const verify = async () => {
    const tok = token.trim();
    if (!tok) return;
    const r = await api<Verification>('POST', '/api/v1/gate/verify', { token: tok });
    if (r.ok) {
      setResult(r.data);
      setError(null);
    } else {
      setResult(null);
      setError(r.error);
    }
    setToken('');
    input.current?.focus();
  };
  const ok = result?.verdict === 'valid' || result?.verdict === 'accepted';
  return (
    <>
      <h1>{t('gate.title')}</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void verify();
        }}
      >
        <div className="field">
          <label htmlFor="f-token">{t('gate.token')}</label>
          <div className="hint" id="f-token-hint">
            {t('gate.hint')}
          </div>
          <textarea
            id="f-token"
            ref={input}
            rows={3}
            value={token}
            aria-describedby="f-token-hint"
            spellCheck={false}
            onChange={(e) => setToken(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                void verify();
              }
            }}
          />
        </div>
        <button type="submit" className="button">
          {t('gate.verify')}
        </button>
      </form>
      <ApiErrorBanner error={error} />
      {result ? (
        <div className={`verdict ${ok ? 'verdict--ok' : 'verdict--stop'}`} role="status" data-verdict={result.verdict}>
          <p className="verdict__word">{ok ? '✓ ' : '✕ '}{KNOWN.has(result.verdict) ? t(`gate.verdict.${result.verdict}` as MessageKey) : result.verdict}</p>
          <details>
            <summary>{t('history.detail')}</summary>
            <pre>{JSON.stringify(result, null, 2)}</pre>
          </details>
        </div>
      ) : null}
    </>
  );
}
