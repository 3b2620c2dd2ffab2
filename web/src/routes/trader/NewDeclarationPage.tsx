import { useEffect, useMemo, useState } from 'react';
import { api, type ApiError } from '../../api/client.ts';
import { navigate } from '../../app/router.tsx';
import { ApiErrorBanner, ErrorSummary, SelectField, TextField } from '../../components/forms.tsx';
import { useForm } from '../../components/use-form.ts';
import { useI18n } from '../../i18n/index.tsx';
import { AGREEMENTS } from '../../components/tariff.ts';
import { declarationLabels, declarationRequest, declarationRules } from './declaration-form.ts';

const MAX_ITEMS = 20;

export default function NewDeclarationPage() {
  const { t } = useI18n();
  const [items, setItems] = useState(1);
  const rules = useMemo(() => declarationRules(items), [items]);
  const labels = useMemo(() => declarationLabels(items), [items]);
  const form = useForm(
    { kind: 'import', 'transport.mode': 'sea', 'transport.transportDocument.type': 'BL', incoterm: 'CIF', 'items.0.quantities.0.unit': 'KG', 'items.0.invoiceValue.currency': 'USD' },
    rules,
    labels,
  );
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    document.title = `${t('trader.new.title')} — ${t('app.name')}`;
  }, [t]);

  const submit = async () => {
    if (!form.trySubmit()) return;
    setBusy(true);
    const r = await api<{ id: string }>('POST', '/api/v1/declarations', declarationRequest(form.values, items), {
      headers: { 'idempotency-key': `web-${crypto.randomUUID()}` },
    });
    setBusy(false);
    if (r.ok) {
      navigate(`/trader/declarations/${r.data.id}`);
      return;
    }
    if (r.error.problems.length > 0) {
      setError(null);
      form.showServerErrors(r.error);
    } else setError(r.error);
  };
  const opt = (values: readonly string[], none = '—') => values.map((v) => ({ value: v, label: v || none }));

  return (
    <>
      <h1>{t('trader.new.title')}</h1>
      <p className="lead">{t('trader.new.lead')}</p>
      <ErrorSummary errors={form.summary()} />
      <ApiErrorBanner error={error} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <fieldset>
          <legend>{t('trader.new.about')}</legend>
          <div className="grid">
            <SelectField {...form.field('kind')} options={[{ value: 'import', label: t('decl.import') }, { value: 'export', label: t('decl.export') }]} />
            <TextField {...form.field('lrn')} hint={t('f.lrn.hint')} />
            <TextField {...form.field('customsOffice')} hint={t('f.customsOffice.hint')} className="input--short" />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('trader.new.parties')}</legend>
          <div className="grid">
            <TextField {...form.field('declarant.name')} autoComplete="organization" />
            <TextField {...form.field('declarant.corporateNumber')} inputMode="numeric" hint={t('f.corporateNumber.hint')} />
            <TextField {...form.field('importer.name')} />
            <TextField {...form.field('seller.name')} />
            <TextField {...form.field('seller.country')} maxLength={2} className="input--short" hint={t('f.country.hint')} />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('trader.new.transport')}</legend>
          <div className="grid">
            <SelectField {...form.field('transport.mode')} options={['sea', 'air', 'road', 'rail', 'post', 'multimodal'].map((m) => ({ value: m, label: t(`mode.${m}` as 'mode.sea') }))} />
            <TextField {...form.field('transport.date')} type="date" />
            <TextField {...form.field('transport.port')} hint={t('f.port.hint')} className="input--short" />
            <TextField {...form.field('transport.portOfLoading')} hint={t('f.locode.hint')} className="input--short" />
            <SelectField {...form.field('transport.transportDocument.type')} options={opt(['BL', 'AWB'])} />
            <TextField {...form.field('transport.transportDocument.number')} />
            <SelectField {...form.field('incoterm')} options={opt(['', 'EXW', 'FCA', 'FOB', 'CFR', 'CIF', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP'])} />
            <TextField {...form.field('freight.amount')} inputMode="decimal" hint={t('f.freight.hint')} />
          </div>
        </fieldset>
        {Array.from({ length: items }, (_, i) => (
          <fieldset key={i} className="item-fieldset">
            <legend>{t('assess.item', { n: i + 1 })}</legend>
            <div className="grid">
              <TextField {...form.field(`items.${i}.code9`)} inputMode="numeric" hint={t('f.code9.hint')} autoComplete="off" />
              <TextField {...form.field(`items.${i}.description`)} />
              <TextField {...form.field(`items.${i}.originCountry`)} maxLength={2} className="input--short" hint={t('f.country.hint')} />
              <TextField {...form.field(`items.${i}.quantities.0.amount`)} inputMode="decimal" />
              <SelectField {...form.field(`items.${i}.quantities.0.unit`)} options={opt(['KG', 'L', 'NO', 'PR', 'DZ', 'M', 'SM', 'GR', 'MT', 'KL'])} />
              <TextField {...form.field(`items.${i}.netMassKg`)} inputMode="decimal" />
              <TextField {...form.field(`items.${i}.invoiceValue.amount`)} inputMode="decimal" />
              <TextField {...form.field(`items.${i}.invoiceValue.currency`)} maxLength={3} className="input--short" />
              <SelectField {...form.field(`items.${i}.preference`)} options={opt(AGREEMENTS, t('f.preference.none'))} />
            </div>
          </fieldset>
        ))}
        <div className="button-row">
          {items < MAX_ITEMS ? (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                form.set(`items.${items}.quantities.0.unit`, 'KG');
                form.set(`items.${items}.invoiceValue.currency`, form.values['items.0.invoiceValue.currency'] ?? 'USD');
                setItems(items + 1);
              }}
            >
              {t('trader.new.addItem')}
            </button>
          ) : null}
          {items > 1 ? (
            <button type="button" className="button button--secondary" onClick={() => setItems(items - 1)}>
              {t('trader.new.removeItem')}
            </button>
          ) : null}
          <button type="submit" className="button" disabled={busy}>
            {t('trader.new.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
