import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client.ts';
import { fieldKey } from '../../api/problem-paths.ts';
import { ApiErrorBanner, ErrorSummary, type FieldError } from '../../components/forms.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { GoodsStep, YesNo, Input } from './steps.tsx';
import { ResultView, type PassengerResult } from './ResultView.tsx';
import { ANSWERS, STEPS, buildDeclaration, checkStep, labelOf, stepOf, type Rows, type Step } from './traveller-form.ts';
import { useDraft } from './use-draft.ts';

const EMPTY_ROWS: Rows = { alcohol: 0, perfume: 0, other: 0 };

/**
 * The traveller's declaration, mobile first, one question group per page (GOV.UK habit), answers kept on the device
 * until sent. Offline the pages still work; sending needs a connection and says so.
 */
export default function TravellerPage() {
  const { t, lang } = useI18n();
  const [values, setValues] = useDraft<Record<string, string>>('smart-customs.traveller.draft', {});
  const [rows, setRows] = useDraft<Rows>('smart-customs.traveller.rows', EMPTY_ROWS);
  const [result, setResult] = useDraft<PassengerResult | null>('smart-customs.traveller.result', null);
  const [step, setStep] = useState<Step>('you');
  const [errors, setErrors] = useState<Map<string, FieldError>>(new Map());
  const [apiError, setApiError] = useState<{ code: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const idx = STEPS.indexOf(step);
  useEffect(() => {
    document.title = `${t('tr.title')} — ${t('app.name')}`;
  }, [t, lang]);
  // Moving to the next page moves focus to its heading (as a page load would for a screen reader), but not on arrival.
  const shownStep = useRef(step);
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    document.getElementById('step-title')?.focus();
  }, [step]);

  const set = (k: string, v: string) => {
    setValues((old) => ({ ...old, [k]: v }));
    if (errors.has(k)) {
      const n = new Map(errors);
      n.delete(k);
      setErrors(n);
    }
  };
  const err = (k: string) => errors.get(k);
  const f = (k: string) => ({ name: k, value: values[k] ?? '', error: err(k), onValue: (v: string) => set(k, v) });

  const next = () => {
    const e = checkStep(step, values, rows);
    setErrors(new Map([...e].map(([k, m]) => [k, { message: t(m) }])));
    if (e.size > 0) return;
    if (step === 'check') void send();
    else setStep(STEPS[idx + 1] ?? 'check');
  };

  const send = async () => {
    if (!navigator.onLine) {
      setApiError({ code: 'NETWORK.OFFLINE', message: t('tr.offline') });
      return;
    }
    setBusy(true);
    const r = await api<PassengerResult>('POST', '/api/v1/passenger-declarations', { declaration: buildDeclaration(values, rows) });
    setBusy(false);
    if (r.ok) {
      setApiError(null);
      setResult(r.data);
      window.scrollTo(0, 0);
      return;
    }
    if (r.error.problems.length > 0) {
      const e = new Map<string, FieldError>();
      for (const p of r.error.problems) e.set(fieldKey(p.path).replace(/^declaration\./, ''), { code: p.code, message: p.message });
      setErrors(e);
      setStep(stepOf([...e.keys()][0] ?? ''));
    } else setApiError(r.error);
  };

  if (result) {
    return (
      <ResultView
        result={result}
        onNew={() => {
          setResult(null);
          setValues({});
          setRows(EMPTY_ROWS);
          setStep('you');
        }}
      />
    );
  }

  const stepTitle: Record<Step, MessageKey> = { you: 'tr.you.title', flight: 'tr.flight.title', questions: 'tr.q.title', goods: 'tr.goods.title', check: 'tr.check.title' };
  const summary = [...errors].map(([key, error]) => {
    const l = labelOf(key);
    return { key, label: l ? `${t(l.key)}${l.row ? ` (${l.row})` : ''}` : key, error };
  });

  return (
    <div className="traveller">
      <p className="step-count">{t('tr.step', { n: idx + 1, total: STEPS.length })}</p>
      {idx > 0 ? (
        <button type="button" className="link-button back" onClick={() => setStep(STEPS[idx - 1] ?? 'you')}>
          ← {t('tr.back')}
        </button>
      ) : null}
      <h1 id="step-title" tabIndex={-1}>
        {t(stepTitle[step])}
      </h1>
      <ErrorSummary errors={summary} />
      <ApiErrorBanner error={apiError} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          next();
        }}
      >
        {step === 'you' ? (
          <>
            <Input {...f('traveller.familyName')} label={t('tr.familyName')} autoComplete="family-name" />
            <Input {...f('traveller.givenNames')} label={t('tr.givenNames')} autoComplete="given-name" />
            <Input {...f('traveller.dateOfBirth')} label={t('tr.dob')} type="date" autoComplete="bday" />
            <Input {...f('traveller.nationality')} label={t('tr.nationality')} hint={t('tr.nationality.hint')} maxLength={3} className="input--short" />
            <Input {...f('traveller.passportNumber')} label={t('tr.passport')} hint={t('tr.optional')} autoComplete="off" />
          </>
        ) : null}
        {step === 'flight' ? (
          <>
            <Input {...f('flight.flightNumber')} label={t('tr.flightNumber')} hint={t('tr.flightNumber.hint')} className="input--short" />
            <Input {...f('flight.departureAirport')} label={t('tr.departure')} hint={t('tr.departure.hint')} maxLength={3} className="input--short" />
            <Input {...f('arrivalDate')} label={t('tr.arrivalDate')} type="date" />
            <Input {...f('familyAges')} label={t('tr.family')} hint={t('tr.family.hint')} />
          </>
        ) : null}
        {step === 'questions' ? ANSWERS.map((a) => <YesNo key={a} {...f(`answers.${a}`)} legend={t(`tr.q.${a}` as MessageKey)} />) : null}
        {step === 'goods' ? <GoodsStep rows={rows} setRows={setRows} field={f} /> : null}
        {step === 'check' ? <CheckAnswers values={values} rows={rows} goTo={setStep} /> : null}
        <button type="submit" className="button button--wide" disabled={busy}>
          {step === 'check' ? t('tr.send') : t('tr.continue')}
        </button>
      </form>
    </div>
  );
}

function CheckAnswers({ values, rows, goTo }: { values: Record<string, string>; rows: Rows; goTo: (s: Step) => void }) {
  const { t } = useI18n();
  const d = buildDeclaration(values, rows) as { traveller: Record<string, string>; flight: { flightNumber: string }; arrivalDate: string; answers: Record<string, boolean>; goods?: Record<string, unknown[]> };
  const yes = ANSWERS.filter((a) => d.answers[a]);
  const goodsCount = Object.values(d.goods ?? {}).reduce((n, l) => n + l.length, 0);
  const row = (label: string, value: string, step: Step) => (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
      <dd className="change">
        <button type="button" className="link-button" onClick={() => goTo(step)}>
          {t('tr.change')}
          <span className="visually-hidden"> {label}</span>
        </button>
      </dd>
    </div>
  );
  return (
    <dl className="summary-list summary-list--check">
      {row(t('tr.name'), `${d.traveller['familyName'] ?? ''} ${d.traveller['givenNames'] ?? ''}`, 'you')}
      {row(t('tr.flightNumber'), `${d.flight.flightNumber} · ${d.arrivalDate}`, 'flight')}
      {row(t('tr.q.title'), yes.length ? yes.map((a) => t(`tr.q.${a}` as MessageKey)).join(' / ') : t('tr.allNo'), 'questions')}
      {row(t('tr.goods.title'), t('tr.goods.count', { n: goodsCount }), 'goods')}
    </dl>
  );
}

