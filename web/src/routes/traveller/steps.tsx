import type { InputHTMLAttributes } from 'react';
import { fieldId } from '../../api/problem-paths.ts';
import { TextField, SelectField, type FieldError } from '../../components/forms.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { ALCOHOL_KINDS, type Rows } from './traveller-form.ts';

type FieldProps = { name: string; value: string; error: FieldError | undefined; onValue: (v: string) => void };

export function Input(props: FieldProps & { label: string; hint?: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'value' | 'id'>) {
  return <TextField {...props} />;
}

/** A yes/no question as a fieldset with inline radios; nothing is pre-selected. */
export function YesNo({ name, value, error, onValue, legend }: FieldProps & { legend: string }) {
  const { t } = useI18n();
  const id = fieldId(name);
  return (
    <fieldset className={`field yes-no${error ? ' field--error' : ''}`} id={id} tabIndex={-1} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error.message}
        </p>
      ) : null}
      {(['yes', 'no'] as const).map((v) => (
        <div className="radio radio--inline" key={v}>
          <input type="radio" id={`${id}-${v}`} name={name} value={v} checked={value === v} onChange={() => onValue(v)} />
          <label htmlFor={`${id}-${v}`}>{t(v === 'yes' ? 'common.yes' : 'common.no')}</label>
        </div>
      ))}
    </fieldset>
  );
}

const CURRENCIES = ['JPY', 'USD', 'EUR', 'GBP', 'CNY', 'KRW', 'TWD', 'HKD', 'AUD', 'THB', 'SGD'];

export function GoodsStep({ rows, setRows, field }: { rows: Rows; setRows: (r: Rows) => void; field: (k: string) => FieldProps }) {
  const { t } = useI18n();
  const add = (k: keyof Rows) => setRows({ ...rows, [k]: rows[k] + 1 });
  const remove = (k: keyof Rows) => setRows({ ...rows, [k]: Math.max(0, rows[k] - 1) });
  const currency = (k: string) => <SelectField {...field(k)} value={field(k).value || 'JPY'} label={t('tr.currency')} options={CURRENCIES.map((c) => ({ value: c, label: c }))} />;
  const buttons = (k: keyof Rows, addKey: MessageKey) => (
    <div className="button-row">
      <button type="button" className="button button--secondary" onClick={() => add(k)}>
        {t(addKey)}
      </button>
      {rows[k] > 0 ? (
        <button type="button" className="button button--secondary" onClick={() => remove(k)}>
          {t('tr.removeLast')}
        </button>
      ) : null}
    </div>
  );
  return (
    <>
      <p className="lead">{t('tr.goods.lead')}</p>
      <fieldset>
        <legend>{t('tr.alcohol')}</legend>
        {Array.from({ length: rows.alcohol }, (_, i) => (
          <div className="row-group" key={i}>
            <SelectField {...field(`goods.alcohol.${i}.kind`)} value={field(`goods.alcohol.${i}.kind`).value || 'wine_beer_other'} label={t('tr.alcohol.kind')} options={ALCOHOL_KINDS.map((k) => ({ value: k, label: t(`tr.alcohol.${k}` as MessageKey) }))} />
            <TextField {...field(`goods.alcohol.${i}.bottles`)} label={t('tr.alcohol.bottles')} inputMode="numeric" className="input--short" />
            <TextField {...field(`goods.alcohol.${i}.volumeMl`)} label={t('tr.alcohol.volume')} inputMode="numeric" className="input--short" hint="760 ml" />
          </div>
        ))}
        {buttons('alcohol', 'tr.alcohol.add')}
      </fieldset>
      <fieldset>
        <legend>{t('tr.tobacco')}</legend>
        <TextField {...field('goods.cigarettes')} label={t('tr.cigarettes')} hint={t('tr.cigarettes.hint')} inputMode="numeric" className="input--short" />
      </fieldset>
      <fieldset>
        <legend>{t('tr.perfume')}</legend>
        {Array.from({ length: rows.perfume }, (_, i) => (
          <div className="row-group" key={i}>
            <TextField {...field(`goods.perfume.${i}.ounces`)} label={t('tr.perfume.ounces')} inputMode="decimal" className="input--short" />
            <TextField {...field(`goods.perfume.${i}.value.amount`)} label={t('tr.value')} inputMode="decimal" />
            {currency(`goods.perfume.${i}.value.currency`)}
          </div>
        ))}
        {buttons('perfume', 'tr.perfume.add')}
      </fieldset>
      <fieldset>
        <legend>{t('tr.other')}</legend>
        <p className="hint">{t('tr.other.hint')}</p>
        {Array.from({ length: rows.other }, (_, i) => (
          <div className="row-group" key={i}>
            <TextField {...field(`goods.other.${i}.description`)} label={t('tr.other.description')} />
            <TextField {...field(`goods.other.${i}.quantity`)} label={t('tr.other.quantity')} inputMode="numeric" className="input--short" />
            <TextField {...field(`goods.other.${i}.unitValue.amount`)} label={t('tr.other.unitValue')} hint={t('tr.other.unitValue.hint')} inputMode="decimal" />
            {currency(`goods.other.${i}.unitValue.currency`)}
          </div>
        ))}
        {buttons('other', 'tr.other.add')}
      </fieldset>
    </>
  );
}
