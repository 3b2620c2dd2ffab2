import { useEffect, useState } from 'react';
import { api, type ApiError } from '../../api/client.ts';
import { useLocation } from '../../app/router.tsx';
import { AssessmentView, type Assessment } from '../../components/AssessmentView.tsx';
import { AGREEMENTS, agreementName } from '../../components/tariff.ts';
import { ApiErrorBanner, ErrorSummary, SelectField, TextField } from '../../components/forms.tsx';
import { useForm } from '../../components/use-form.ts';
import { code9, country, currency, decimal, optionalDate, optionalDecimal, type Check } from '../../components/validators.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { estimateRequest } from './estimate.ts';
import { placeNoRateProblems } from './no-rate.ts';

const RULES: Record<string, Check> = {
  'items.0.code9': code9,
  'items.0.originCountry': country,
  'items.0.value.amount': decimal,
  'items.0.value.currency': currency,
  'items.0.quantities.0.amount': optionalDecimal,
  'freight.amount': optionalDecimal,
  'insurance.amount': optionalDecimal,
  exchangeRate: optionalDecimal,
  date: optionalDate,
};
const LABELS: Record<string, MessageKey> = {
  'items.0.code9': 'f.code9',
  'items.0.originCountry': 'f.originCountry',
  'items.0.value.amount': 'f.value',
  'items.0.value.currency': 'f.currency',
  'items.0.preference': 'f.preference',
  'items.0.quantities.0.amount': 'f.quantity',
  'items.0.quantities.0.unit': 'f.unit',
  'items.0.personalUse': 'f.personalUse',
  'freight.amount': 'f.freight',
  'insurance.amount': 'f.insurance',
  exchangeRate: 'f.exchangeRate',
  incoterm: 'f.incoterm',
  date: 'f.date',
};
const INCOTERMS = ['', 'EXW', 'FCA', 'FAS', 'FOB', 'CFR', 'CPT', 'CIF', 'CIP', 'DAP', 'DPU', 'DDP'];

export default function EstimatorPage() {
  const { t, lang } = useI18n();
  const loc = useLocation();
  const form = useForm(
    { 'items.0.code9': loc.query.get('code9') ?? '', 'items.0.value.currency': 'USD', 'items.0.quantities.0.unit': 'KG', incoterm: 'CIF' },
    RULES,
    LABELS,
  );
  const [result, setResult] = useState<Assessment | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    document.title = `${t('estimate.title')} — ${t('app.name')}`;
  }, [t]);

  const submit = async () => {
    if (!form.trySubmit()) return;
    setBusy(true);
    const r = await api<Assessment>('POST', '/api/v1/assessments', estimateRequest(form.values));
    setBusy(false);
    if (r.ok) {
      setResult(r.data);
      setError(null);
    } else {
      setResult(null);
      setError(r.error.problems.length > 0 ? null : r.error);
      if (r.error.problems.length > 0) form.showServerErrors({ ...r.error, problems: placeNoRateProblems(r.error.problems, (currency) => t('rates.missing', { currency })) });
    }
  };
  const opt = (values: readonly string[], none: string) => values.map((v) => ({ value: v, label: v || none }));

  return (
    <>
      <h1>{t('estimate.title')}</h1>
      <p className="lead">{t('estimate.lead')}</p>
      <ErrorSummary errors={form.summary()} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="grid">
          <TextField {...form.field('items.0.code9')} inputMode="numeric" hint={t('f.code9.hint')} autoComplete="off" />
          <TextField {...form.field('items.0.originCountry')} hint={t('f.country.hint')} maxLength={2} className="input--short" />
          <TextField {...form.field('items.0.value.amount')} inputMode="decimal" hint={t('f.value.hint')} />
          <TextField {...form.field('items.0.value.currency')} maxLength={3} className="input--short" />
          <SelectField {...form.field('incoterm')} options={opt(INCOTERMS, '—')} />
          <TextField {...form.field('freight.amount')} inputMode="decimal" hint={t('f.freight.hint')} />
          <TextField {...form.field('insurance.amount')} inputMode="decimal" />
          <TextField {...form.field('exchangeRate')} inputMode="decimal" hint={t('f.exchangeRate.hint')} />
          <SelectField {...form.field('items.0.preference')} options={AGREEMENTS.map((a) => ({ value: a, label: a ? agreementName(a, lang) : t('f.preference.none') }))} hint={t('f.preference.hint')} />
          <TextField {...form.field('items.0.quantities.0.amount')} inputMode="decimal" hint={t('f.quantity.hint')} />
          <SelectField {...form.field('items.0.quantities.0.unit')} options={opt(['KG', 'L', 'NO', 'PR', 'DZ', 'M', 'SM', 'GR', 'MT', 'KL'], '')} />
          <SelectField {...form.field('items.0.personalUse')} options={[{ value: '', label: t('common.no') }, { value: 'yes', label: t('common.yes') }]} hint={t('f.personalUse.hint')} />
          <TextField {...form.field('date')} type="date" hint={t('f.date.hint')} />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {t('estimate.button')}
        </button>
      </form>
      <ApiErrorBanner error={error} />
      {result ? (
        <section aria-labelledby="estimate-result" aria-live="polite">
          <h2 id="estimate-result">{t('estimate.result')}</h2>
          <AssessmentView assessment={result} />
        </section>
      ) : null}
    </>
  );
}
