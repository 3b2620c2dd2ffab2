import { useEffect, useMemo, useState } from 'react';
import { api, type ApiError } from '../../api/client.ts';
import { usePrincipal } from '../../api/use-principal.ts';
import { useResource } from '../../api/use-resource.ts';
import { ApiErrorBanner, ErrorSummary, TextField } from '../../components/forms.tsx';
import { useForm } from '../../components/use-form.ts';
import { useI18n } from '../../i18n/index.tsx';
import { blankRates, placeRateProblems, RATE_ROWS, ratesLabels, ratesRequest, ratesRules } from './exchange-rates-form.ts';

interface Rate {
  readonly currency: string;
  readonly validFrom: string;
  readonly validTo: string;
  readonly rate: string;
  readonly source: string;
}

/** Officers enter the week's customs exchange rates; everyone in the console sees the rates in force and past. */
export default function ExchangeRatesPage() {
  const { t, lang } = useI18n();
  const me = usePrincipal();
  const rates = useResource<{ items: Rate[] }>('/api/v1/exchange-rates');
  const [saved, setSaved] = useState<number | null>(null);
  useEffect(() => {
    document.title = `${t('rates.title')} — ${t('app.name')}`;
  }, [t]);
  const canWrite = me?.role === 'officer' || me?.role === 'admin';
  const today = new Date().toISOString().slice(0, 10);
  const items = [...(rates.data?.items ?? [])].sort((a, b) => b.validFrom.localeCompare(a.validFrom) || a.currency.localeCompare(b.currency));
  const current = items.filter((r) => r.validFrom <= today && today <= r.validTo);
  return (
    <>
      <h1>{t('rates.title')}</h1>
      <p className="lead">{t('rates.lead')}</p>
      <p className="hint">
        {t('rates.cli')} <code>customs exchange-rates load {lang === 'ja' ? 'ファイル名' : 'FILE'}</code>
      </p>
      {saved !== null ? (
        <div className="banner banner--success" role="status" data-testid="rates-saved">
          {t('rates.saved', { n: saved })}
        </div>
      ) : null}
      {current.length === 0 && rates.data ? (
        <div className="banner" role="note" data-testid="rates-none">
          {t('rates.noneThisWeek')}
        </div>
      ) : null}
      {me && !canWrite ? <p className="banner" data-testid="rates-readonly">{t('rates.readOnly')}</p> : null}
      {canWrite ? (
        <RatesForm
          today={today}
          onSaved={(n) => {
            setSaved(n);
            rates.reload();
          }}
        />
      ) : null}
      <h2>{t('rates.list')}</h2>
      <ApiErrorBanner error={rates.error} />
      {items.length === 0 ? (
        <p className="hint">{t('rates.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="rates-table">
            <thead>
              <tr>
                <th scope="col">{t('rates.currency')}</th>
                <th scope="col">{t('rates.rate')}</th>
                <th scope="col">{t('rates.validFrom')}</th>
                <th scope="col">{t('rates.validTo')}</th>
                <th scope="col">{t('rates.source')}</th>
              </tr>
            </thead>
            <tbody>
              {items.slice(0, 200).map((r) => (
                <tr key={`${r.currency}-${r.validFrom}`} data-current={r.validFrom <= today && today <= r.validTo ? 'true' : undefined}>
                  <td>
                    <code>{r.currency}</code>
                  </td>
                  <td>{r.rate}</td>
                  <td>{r.validFrom}</td>
                  <td>{r.validTo}</td>
                  <td>{r.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function RatesForm({ today, onSaved }: { today: string; onSaved: (n: number) => void }) {
  const { t } = useI18n();
  const [values, setValues] = useState(() => blankRates(today));
  const rules = useMemo(() => ratesRules(values), [values]);
  const labels = useMemo(() => ratesLabels(), []);
  const form = useForm(values, rules, labels);
  if (form.values !== values) setValues(form.values);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    if (!form.trySubmit()) return;
    const { body, rowOf } = ratesRequest(form.values);
    setBusy(true);
    const r = await api<{ loaded: number }>('POST', '/api/v1/exchange-rates', body);
    setBusy(false);
    if (r.ok) {
      setError(null);
      onSaved(r.data.loaded);
    } else if (r.error.problems.length > 0) form.showServerErrors({ ...r.error, problems: placeRateProblems(r.error.problems, rowOf) });
    else setError(r.error);
  };
  return (
    <section className="card" aria-labelledby="rates-form-title">
      <h2 id="rates-form-title">{t('rates.enter')}</h2>
      <ErrorSummary errors={form.summary()} />
      <ApiErrorBanner error={error} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="grid">
          <TextField {...form.field('validFrom')} type="date" hint={t('rates.week.hint')} />
          <TextField {...form.field('validTo')} type="date" />
          <TextField {...form.field('source')} hint={t('rates.source.hint')} />
        </div>
        <p className="hint">{t('rates.rate.hint')}</p>
        <div className="grid grid--rates">
          {Array.from({ length: RATE_ROWS }, (_, i) => (
            <div key={i} className="rate-row">
              <TextField {...form.field(`rates.${i}.currency`)} maxLength={3} className="input--short" />
              <TextField {...form.field(`rates.${i}.rate`)} inputMode="decimal" />
            </div>
          ))}
        </div>
        <button type="submit" className="button" disabled={busy}>
          {t('rates.save')}
        </button>
      </form>
    </section>
  );
}
