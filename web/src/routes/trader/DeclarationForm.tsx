import { useEffect, useMemo, useState } from 'react';
import type { ApiError, ApiResult } from '../../api/client.ts';
import { ApiErrorBanner, ErrorSummary, SelectField, TextField } from '../../components/forms.tsx';
import { AGREEMENTS, agreementName, formatCode9 } from '../../components/tariff.ts';
import { useForm } from '../../components/use-form.ts';
import type { Values } from '../../components/validators.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { alignQuantities, declarationLabels, declarationRequest, declarationRules, placeQuantityProblems, quantitySlots, UNIT_KEYS } from './declaration-form.ts';
import { useLineUnits, type LineInfo } from './use-line-units.ts';

const MAX_ITEMS = 20;
const FREE_UNITS = ['KG', 'L', 'NO', 'PR', 'DZ', 'M', 'SM', 'GR', 'MT', 'KL'];

/**
 * The declaration form, for a new declaration and for an amendment. Each item's code is looked up as soon as it has
 * 9 digits: the line's description confirms the code, and the form asks for one quantity per unit the line needs.
 */
export function DeclarationForm(props: {
  initial: Values;
  initialItems: number;
  submitLabel: MessageKey;
  send: (body: Record<string, unknown>) => Promise<ApiResult<{ id: string }>>;
  done: (id: string) => void;
  /** Errors that are not about a field (a version conflict, a status that forbids the change). */
  onError?: (e: ApiError) => boolean;
}) {
  const { t, lang } = useI18n();
  const [items, setItems] = useState(props.initialItems);
  const [values, setValues] = useState<Values>(props.initial);
  const codes = useMemo(() => Array.from({ length: items }, (_, i) => values[`items.${i}.code9`] ?? ''), [items, values]);
  const { infos, units } = useLineUnits(codes);
  // Keyed on the units' content, not the array's identity, so the rules are rebuilt only when a line changes.
  const unitsKey = JSON.stringify(units);
  const lines = useMemo(() => JSON.parse(unitsKey) as typeof units, [unitsKey]);
  const rules = useMemo(() => declarationRules(items, lines), [items, lines]);
  const labels = useMemo(() => declarationLabels(items, lines, values), [items, lines, values]);
  const form = useForm(props.initial, rules, labels);
  // The line lookup needs the codes as typed; the form owns the values, this mirrors them.
  if (form.values !== values) setValues(form.values);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const { patch } = form;
  // When a line becomes known, amounts move to the inputs of their units (in the line's order).
  useEffect(() => {
    const changes: Record<string, string> = {};
    lines.forEach((units, i) => {
      if (units) Object.assign(changes, alignQuantities(form.values, i, units) ?? {});
    });
    if (Object.keys(changes).length > 0) patch(changes);
    // Runs when a line is looked up, not on every keystroke (the values read are those of that moment).
  }, [lines, patch]);

  const submit = async () => {
    if (!form.trySubmit()) return;
    setBusy(true);
    const r = await props.send(declarationRequest(form.values, items, lines));
    setBusy(false);
    if (r.ok) {
      props.done(r.data.id);
      return;
    }
    if (props.onError?.(r.error)) return;
    if (r.error.problems.length > 0) {
      setError(null);
      form.showServerErrors({ ...r.error, problems: placeQuantityProblems(r.error.problems, lines) });
    } else setError(r.error);
  };
  const opt = (vals: readonly string[], none = '—') => vals.map((v) => ({ value: v, label: v || none }));
  const unitName = (u: string) => (UNIT_KEYS.has(u) ? t(`unit.${u}` as MessageKey) : u);

  return (
    <>
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
        {Array.from({ length: items }, (_, i) => {
          const slots = quantitySlots(lines[i], form.values, i);
          return (
            <fieldset key={i} className="item-fieldset">
              <legend>{t('assess.item', { n: i + 1 })}</legend>
              <div className="grid">
                <TextField {...form.field(`items.${i}.code9`)} inputMode="numeric" hint={t('f.code9.hint')} autoComplete="off" />
                <LineBox info={infos[i]} item={i} />
                <TextField {...form.field(`items.${i}.description`)} />
                <TextField {...form.field(`items.${i}.originCountry`)} maxLength={2} className="input--short" hint={t('f.country.hint')} />
                {slots.map((q, j) =>
                  q.fixed ? (
                    <TextField
                      key={`${q.unit}-${j}`}
                      {...form.field(`items.${i}.quantities.${j}.amount`)}
                      inputMode="decimal"
                      data-unit={q.unit}
                      hint={slots.length > 1 && j === 0 ? t('f.quantityIn.hint', { units: slots.map((s) => unitName(s.unit)).join(t('list.and')) }) : undefined}
                    />
                  ) : (
                    <span key={`free-${j}`} style={{ display: 'contents' }}>
                      <TextField {...form.field(`items.${i}.quantities.${j}.amount`)} inputMode="decimal" hint={t('line.unknownUnit')} />
                      <SelectField {...form.field(`items.${i}.quantities.${j}.unit`)} options={opt(FREE_UNITS)} />
                    </span>
                  ),
                )}
                {lines[i] && lines[i].length === 0 ? <p className="hint">{t('line.noUnits')}</p> : null}
                <TextField {...form.field(`items.${i}.netMassKg`)} inputMode="decimal" />
                <TextField {...form.field(`items.${i}.invoiceValue.amount`)} inputMode="decimal" />
                <TextField {...form.field(`items.${i}.invoiceValue.currency`)} maxLength={3} className="input--short" />
                <SelectField {...form.field(`items.${i}.preference`)} options={AGREEMENTS.map((a) => ({ value: a, label: a ? agreementName(a, lang) : t('f.preference.none') }))} />
              </div>
            </fieldset>
          );
        })}
        <div className="button-row">
          {items < MAX_ITEMS ? (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
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
            {t(props.submitLabel)}
          </button>
        </div>
      </form>
    </>
  );
}

/** Under the code: what the schedule calls the line, so a trader sees at once whether the code is the right one. */
function LineBox({ info, item }: { info: LineInfo | undefined; item: number }) {
  const { t, lang } = useI18n();
  if (!info) return null;
  const text = info.status === 'loading' ? t('line.lookup') : info.status === 'notFound' ? t('line.notFound') : null;
  return (
    <div className="line-box" data-testid={`line-${item}`} data-status={info.status} role="status">
      {text ? <p className="hint">{text}</p> : null}
      {info.status === 'found' ? (
        <p>
          <strong>{formatCode9(info.code9)}</strong>{' '}
          {lang !== 'ja' && info.hsDescription ? <span>{info.hsDescription} — </span> : null}
          <span lang="ja">{info.descriptionPathJa ?? info.descriptionJa}</span>
        </p>
      ) : null}
    </div>
  );
}
