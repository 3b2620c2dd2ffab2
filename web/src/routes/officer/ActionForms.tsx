import { useState } from 'react';
import { api, type ApiError } from '../../api/client.ts';
import { fieldId } from '../../api/problem-paths.ts';
import { ApiErrorBanner, ErrorSummary, type FieldError } from '../../components/forms.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';

type Errors = Map<string, FieldError>;

function Radios({ name, legend, options, value, onValue, error }: { name: string; legend: string; options: readonly { value: string; label: string }[]; value: string; onValue: (v: string) => void; error?: FieldError | undefined }) {
  return (
    <fieldset className={`field${error ? ' field--error' : ''}`} id={fieldId(name)} tabIndex={-1}>
      <legend>{legend}</legend>
      {error ? <p className="field-error">{error.message}</p> : null}
      {options.map((o) => (
        <div className="radio" key={o.value}>
          <input type="radio" id={`${fieldId(name)}-${o.value}`} name={name} value={o.value} checked={value === o.value} onChange={() => onValue(o.value)} />
          <label htmlFor={`${fieldId(name)}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

function TextArea({ name, label, value, onValue, error }: { name: string; label: string; value: string; onValue: (v: string) => void; error?: FieldError | undefined }) {
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={fieldId(name)}>{label}</label>
      {error ? (
        <p className="field-error" id={`${fieldId(name)}-error`}>
          {error.message}
          {error.code ? <code className="code"> {error.code}</code> : null}
        </p>
      ) : null}
      <textarea id={fieldId(name)} name={name} rows={3} value={value} aria-invalid={error ? true : undefined} aria-describedby={error ? `${fieldId(name)}-error` : undefined} onChange={(e) => onValue(e.target.value)} />
    </div>
  );
}

/** Server problem paths → the form's fields. */
const FINDING_FIELDS: Record<string, string> = { '$.kind': 'finding.result', '$.revenueYen': 'finding.revenueYen', '$.note': 'finding.note', '$.item': 'finding.result' };

const summaryOf = (errors: Errors, labels: Record<string, string>) => [...errors].map(([key, error]) => ({ key, label: labels[key] ?? key, error }));

/** The version the officer is looking at goes with every action, so that a decision never lands on a version unseen. */
const ifMatch = (version: number): RequestInit => ({ headers: { 'if-match': `"${version}"` } });
const VERSION_CONFLICT = 'DECLARATION.VERSION_CONFLICT';

/** The declaration changed since the page read it: say so in the officer's language and offer the reload. */
export function VersionConflict({ onReload }: { onReload: () => void }) {
  const { t } = useI18n();
  return (
    <div className="banner banner--error" role="alert" data-testid="version-conflict">
      <p>
        <strong>{t('integrity.versionConflict')}</strong>
      </p>
      <button type="button" className="button button--secondary" onClick={onReload}>
        {t('integrity.reload')}
      </button>
    </div>
  );
}

function ActionError({ error, onReload }: { error: ApiError | null; onReload: () => void }) {
  if (error?.code === VERSION_CONFLICT) return <VersionConflict onReload={onReload} />;
  return <ApiErrorBanner error={error} />;
}

/** Records what the inspection found; the finding feeds the risk model's training labels. */
export function FindingForm({ id, version, itemCount, onDone, onReload }: { id: string; version: number; itemCount: number; onDone: (msg: string) => void; onReload: () => void }) {
  const { t } = useI18n();
  const [result, setResult] = useState('');
  const [itemIndex, setItemIndex] = useState('');
  const [revenue, setRevenue] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Errors>(new Map());
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const labels = { 'finding.result': t('finding.result'), 'finding.revenueYen': t('finding.revenue'), 'finding.note': t('finding.note') };

  const submit = async () => {
    const e: Errors = new Map();
    if (!result) e.set('finding.result', { message: t('v.choose') });
    if (result === 'discrepancy_revenue' && !/^[1-9]\d{0,11}$/.test(revenue)) e.set('finding.revenueYen', { message: t('v.integer') });
    setErrors(e);
    if (e.size > 0) return;
    // The findings API (src/modules/risk/targeting/findings.ts): kind, item index, revenue only for a revenue finding.
    const body = {
      kind: result,
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(itemIndex !== '' ? { item: Number(itemIndex) } : {}),
      ...(result === 'discrepancy_revenue' ? { revenueYen: Number(revenue) } : {}),
    };
    const r = await api('POST', `/api/v1/declarations/${encodeURIComponent(id)}/findings`, body, ifMatch(version));
    if (r.ok) {
      setApiError(null);
      setNote('');
      onDone(t('finding.recorded'));
    } else if (r.error.problems.length > 0) {
      setErrors(new Map(r.error.problems.map((p) => [FINDING_FIELDS[p.path] ?? 'finding.result', { code: p.code, message: p.message }])));
    } else setApiError(r.error);
  };

  const results: { value: string; key: MessageKey }[] = [
    { value: 'no_discrepancy', key: 'finding.none' },
    { value: 'discrepancy_revenue', key: 'finding.revenueDiscrepancy' },
    { value: 'prohibited_goods', key: 'finding.prohibited' },
  ];
  return (
    <section className="card" aria-labelledby="finding-title">
      <h2 id="finding-title">{t('finding.title')}</h2>
      <ErrorSummary errors={summaryOf(errors, labels)} />
      <ActionError error={apiError} onReload={onReload} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Radios name="finding.result" legend={t('finding.result')} options={results.map((r) => ({ value: r.value, label: t(r.key) }))} value={result} onValue={setResult} error={errors.get('finding.result')} />
        {itemCount > 1 ? (
          <div className="field">
            <label htmlFor="f-finding-itemIndex">{t('finding.item')}</label>
            <select id="f-finding-itemIndex" value={itemIndex} onChange={(e) => setItemIndex(e.target.value)}>
              <option value="">{t('finding.allItems')}</option>
              {Array.from({ length: itemCount }, (_, i) => (
                <option key={i} value={String(i)}>
                  {t('assess.item', { n: i + 1 })}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {result === 'discrepancy_revenue' ? (
          <div className={`field${errors.get('finding.revenueYen') ? ' field--error' : ''}`}>
            <label htmlFor="f-finding-revenueYen">{t('finding.revenue')}</label>
            {errors.get('finding.revenueYen') ? <p className="field-error">{errors.get('finding.revenueYen')?.message}</p> : null}
            <input id="f-finding-revenueYen" inputMode="numeric" value={revenue} onChange={(e) => setRevenue(e.target.value)} />
          </div>
        ) : null}
        <TextArea name="finding.note" label={t('finding.note')} value={note} onValue={setNote} error={errors.get('finding.note')} />
        <button type="submit" className="button">
          {t('finding.submit')}
        </button>
      </form>
    </section>
  );
}

/** Records duty and taxes received, on the version shown; a green declaration paid in full is then released. */
export function PaymentForm({ id, version, owedYen, onDone, onReload }: { id: string; version: number; owedYen: number | null; onDone: (msg: string) => void; onReload: () => void }) {
  const { t, yen } = useI18n();
  const [amount, setAmount] = useState('');
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<Errors>(new Map());
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const labels = { 'payment.amountYen': t('integrity.payment.amount'), 'payment.reference': t('integrity.payment.reference') };

  const submit = async () => {
    const e: Errors = new Map();
    if (!/^[1-9]\d{0,11}$/.test(amount.trim())) e.set('payment.amountYen', { message: t('v.integer') });
    if (!reference.trim()) e.set('payment.reference', { message: t('v.required') });
    setErrors(e);
    if (e.size > 0) return;
    setBusy(true);
    const r = await api('POST', `/api/v1/declarations/${encodeURIComponent(id)}/payments`, { amountYen: Number(amount.trim()), reference: reference.trim() }, ifMatch(version));
    setBusy(false);
    if (r.ok) {
      setApiError(null);
      setAmount('');
      setReference('');
      onDone(t('integrity.payment.recorded'));
    } else if (r.error.problems.length > 0) {
      setErrors(new Map(r.error.problems.map((p) => [p.path === '$.reference' ? 'payment.reference' : 'payment.amountYen', { code: p.code, message: p.message }])));
    } else setApiError(r.error);
  };
  const field = (name: 'payment.amountYen' | 'payment.reference', label: string, value: string, onValue: (v: string) => void, numeric: boolean) => {
    const error = errors.get(name);
    return (
      <div className={`field${error ? ' field--error' : ''}`}>
        <label htmlFor={fieldId(name)}>{label}</label>
        {error ? (
          <p className="field-error" id={`${fieldId(name)}-error`}>
            {error.message}
          </p>
        ) : null}
        <input id={fieldId(name)} value={value} inputMode={numeric ? 'numeric' : undefined} aria-invalid={error ? true : undefined} onChange={(ev) => onValue(ev.target.value)} />
      </div>
    );
  };
  return (
    <section className="card" aria-labelledby="payment-title" data-testid="payment-form">
      <h2 id="payment-title">{t('integrity.payment.title')}</h2>
      {owedYen !== null && owedYen > 0 ? <p>{t('integrity.payment.owed', { amount: yen(owedYen) })}</p> : null}
      <ErrorSummary errors={summaryOf(errors, labels)} />
      <ActionError error={apiError} onReload={onReload} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {field('payment.amountYen', t('integrity.payment.amount'), amount, setAmount, true)}
        {field('payment.reference', t('integrity.payment.reference'), reference, setReference, false)}
        <button type="submit" className="button" disabled={busy}>
          {t('integrity.payment.submit')}
        </button>
      </form>
    </section>
  );
}

export type Decision = 'release' | 'hold' | 'reject';

/**
 * Release, hold or reject — always with a reason, which goes on the record — offering only the decisions the status
 * still allows, on the version shown.
 */
export function DecisionForm({ id, version, decisions, onDone, onReload }: { id: string; version: number; decisions: readonly Decision[]; onDone: (msg: string) => void; onReload: () => void }) {
  const { t } = useI18n();
  const [decision, setDecision] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Errors>(new Map());
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const labels = { 'decision.decision': t('decision.decision'), 'decision.reason': t('decision.reason') };

  const submit = async () => {
    const e: Errors = new Map();
    if (!decision) e.set('decision.decision', { message: t('v.choose') });
    if (!reason.trim()) e.set('decision.reason', { message: t('v.required') });
    setErrors(e);
    if (e.size > 0) return;
    setBusy(true);
    const r = await api('POST', `/api/v1/declarations/${encodeURIComponent(id)}/decision`, { decision, reason: reason.trim() }, ifMatch(version));
    setBusy(false);
    if (r.ok) {
      setApiError(null);
      setReason('');
      setDecision('');
      onDone(t('decision.recorded'));
    } else setApiError(r.error);
  };
  const labelOf: Record<Decision, MessageKey> = { release: 'decision.release', hold: 'decision.hold', reject: 'decision.reject' };
  return (
    <section className="card" aria-labelledby="decision-title" data-testid="decision-form">
      <h2 id="decision-title">{t('decision.title')}</h2>
      <ErrorSummary errors={summaryOf(errors, labels)} />
      <ActionError error={apiError} onReload={onReload} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Radios
          name="decision.decision"
          legend={t('decision.decision')}
          options={decisions.map((d) => ({ value: d, label: t(labelOf[d]) }))}
          value={decision}
          onValue={setDecision}
          error={errors.get('decision.decision')}
        />
        <TextArea name="decision.reason" label={t('decision.reason')} value={reason} onValue={setReason} error={errors.get('decision.reason')} />
        <button type="submit" className="button" disabled={busy}>
          {t('decision.submit')}
        </button>
      </form>
    </section>
  );
}
