import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client.ts';
import { ApiErrorBanner } from '../../components/forms.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { AssessmentTable } from './AssessmentTable.tsx';
import type { AssessmentView } from './assessment-view.ts';

interface Reason {
  readonly code: string;
  readonly message: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

interface Verification {
  readonly verdict: string;
  readonly reasons?: readonly Reason[];
  readonly declarationId?: string;
  readonly arrival?: string;
  readonly expiresAt?: string;
  readonly traveller?: { familyName: string; givenNames: string; dateOfBirth: string; nationality: string };
  readonly assessment?: AssessmentView & { dutyPayable: boolean };
}

// The verifier's verdicts (src/modules/passengers/verifier.ts); 'accepted' is how the gate API may word 'valid'.
const KNOWN = new Set(['valid', 'accepted', 'red_channel', 'replay', 'expired', 'tampered', 'malformed', 'unknown_key']);
const REASONS = new Set(['GATE.DUTY_PAYABLE', 'GATE.OFFICER_ASSESSMENT', 'GATE.WATCH_RULE', 'GATE.DECLARED_YES']);

/**
 * The officer's gate view: a scanner types the QR token into the focused box and presses Enter; the verdict is shown
 * large, in words and colour — green only when the traveller may pass, a red-channel verdict with its reasons when
 * the declaration owes duty, needs an officer or a watch rule matches — with the declaration behind the pass, and
 * the box is cleared and refocused for the next traveller.
 */
export default function GatePage() {
  const { t, yen } = useI18n();
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
  const red = result?.verdict === 'red_channel';
  const reasonText = (r: Reason): string =>
    REASONS.has(r.code)
      ? t(`gate.reason.${r.code}` as MessageKey, {
          ...r.params,
          ...(typeof r.params?.['totalDutyYen'] === 'number' ? { totalDutyYen: yen(r.params['totalDutyYen']) } : {}),
          ...(typeof r.params?.['question'] === 'string' ? { question: t(`tr.q.${r.params['question']}` as MessageKey) } : {}),
        })
      : r.message;
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
        <>
          <div className={`verdict ${ok ? 'verdict--ok' : red ? 'verdict--red' : 'verdict--stop'}`} role="status" data-verdict={result.verdict}>
            <p className="verdict__word">
              {ok ? '✓ ' : red ? '● ' : '✕ '}
              {KNOWN.has(result.verdict) ? t(`gate.verdict.${result.verdict}` as MessageKey) : result.verdict}
            </p>
            {red && result.reasons && result.reasons.length > 0 ? (
              <>
                <h2 className="verdict__reasons-title">{t('gate.reasons')}</h2>
                <ul className="verdict__reasons" data-testid="gate-reasons">
                  {result.reasons.map((r, i) => (
                    <li key={i} data-code={r.code}>
                      {reasonText(r)}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
          {result.declarationId ? <GateDeclaration result={result} /> : null}
        </>
      ) : null}
    </>
  );
}

function GateDeclaration({ result }: { result: Verification }) {
  const { t } = useI18n();
  const tr = result.traveller;
  return (
    <details open={result.verdict === 'red_channel'} className="gate-declaration">
      <summary>{t('gate.declaration')}</summary>
      <dl className="summary-list">
        <div>
          <dt>{t('gate.declarationId')}</dt>
          <dd>{result.declarationId}</dd>
        </div>
        {tr ? (
          <div>
            <dt>{t('gate.traveller')}</dt>
            <dd>
              {tr.familyName} {tr.givenNames} · {tr.dateOfBirth} · {tr.nationality}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('gate.arrival')}</dt>
          <dd>{result.arrival}</dd>
        </div>
        {result.expiresAt ? (
          <div>
            <dt>{t('gate.expiresAt')}</dt>
            <dd>{result.expiresAt.slice(0, 16).replace('T', ' ')} UTC</dd>
          </div>
        ) : null}
      </dl>
      {result.assessment ? (
        <>
          <h2>{t('gate.goods')}</h2>
          {result.assessment.lines.length > 0 ? <AssessmentTable assessment={result.assessment} /> : <p>{t('gate.noGoods')}</p>}
        </>
      ) : (
        <p>{t('gate.notStored')}</p>
      )}
    </details>
  );
}
