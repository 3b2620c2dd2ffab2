import { useEffect, useState } from 'react';
import { api, type ApiError } from '../../api/client.ts';
import { useMe } from '../../api/use-me.ts';
import { useResource } from '../../api/use-resource.ts';
import { ApiErrorBanner, ErrorSummary, SelectField, TextField } from '../../components/forms.tsx';
import { useForm } from '../../components/use-form.ts';
import { date, optionalDate, required, type Check } from '../../components/validators.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { ruleDraft, ruleValues, type RuleDraft } from './rule-form.ts';

type RuleVersion = RuleDraft & { ruleId: string; version: number; createdAt: string; createdBy: string };
const RULES: Record<string, Check> = { name: required, reason: required, validFrom: date, validTo: optionalDate };
const LABELS: Record<string, MessageKey> = {
  name: 'rules.name',
  lane: 'decl.lane',
  reason: 'rules.reason',
  hsPrefixes: 'rules.hsPrefixes',
  originCountries: 'rules.origins',
  portsOfLoading: 'rules.ports',
  transportModes: 'rules.modes',
  valueMin: 'rules.valueMin',
  valueMax: 'rules.valueMax',
  validFrom: 'rules.validFrom',
  validTo: 'rules.validTo',
  active: 'rules.active',
};
const blank = () => ({ lane: 'red', active: 'yes', validFrom: new Date().toISOString().slice(0, 10) });

/** A rule's criteria in one line, e.g. `hs 0901 · origin BR, VN · air`. */
function criteriaText(c: Record<string, unknown>): string {
  const v = ruleValues({ name: '', lane: 'red', reason: '', criteria: c, validFrom: '', active: true });
  const parts = [
    v['hsPrefixes'] ? `HS ${v['hsPrefixes']}` : '',
    v['originCountries'] ? `origin ${v['originCountries']}` : '',
    v['portsOfLoading'] ? `from ${v['portsOfLoading']}` : '',
    v['transportModes'] ?? '',
    v['valueMin'] || v['valueMax'] ? `¥${v['valueMin'] || '0'}–${v['valueMax'] || '∞'}` : '',
  ];
  return parts.filter(Boolean).join(' · ') || '—';
}

function rulesOf(data: unknown): RuleVersion[] {
  if (Array.isArray(data)) return data as RuleVersion[];
  const d = (data ?? {}) as { items?: RuleVersion[]; rules?: RuleVersion[] };
  return d.items ?? d.rules ?? [];
}

function RuleEditor({ editing, onSaved }: { editing: RuleVersion | null; onSaved: () => void }) {
  const { t } = useI18n();
  const form = useForm(editing ? ruleValues(editing) : blank(), RULES, LABELS);
  const [error, setError] = useState<ApiError | null>(null);
  const save = async () => {
    if (!form.trySubmit()) return;
    const body = ruleDraft(form.values);
    // A revision names the version it was made from, so that two analysts editing one rule cannot overwrite each other.
    const r = editing
      ? await api('PUT', `/api/v1/risk/rules/${encodeURIComponent(editing.ruleId)}`, { ...body, expectedVersion: editing.version })
      : await api('POST', '/api/v1/risk/rules', body);
    if (r.ok) onSaved();
    else if (r.error.problems.length > 0) form.showServerErrors({ ...r.error, problems: r.error.problems.map((p) => ({ ...p, path: p.path.replace(/^\$\.criteria\.valueYen\.min/, '$.valueMin').replace(/^\$\.criteria\.valueYen\.max/, '$.valueMax').replace(/^\$\.criteria\./, '$.') })) });
    else setError(r.error);
  };
  return (
    <section className="card" aria-labelledby="rule-editor">
      <h2 id="rule-editor">{editing ? t('rules.edit', { name: editing.name }) : t('rules.new')}</h2>
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
          <TextField {...form.field('name')} />
          <SelectField {...form.field('lane')} options={[{ value: 'red', label: t('lane.red') }, { value: 'yellow', label: t('lane.yellow') }]} />
          <TextField {...form.field('reason')} hint={t('rules.reason.hint')} />
          <TextField {...form.field('hsPrefixes')} hint={t('rules.list.hint')} />
          <TextField {...form.field('originCountries')} hint={t('rules.list.hint')} />
          <TextField {...form.field('portsOfLoading')} hint={t('rules.list.hint')} />
          <TextField {...form.field('transportModes')} hint={t('rules.transportModes.hint')} />
          <TextField {...form.field('valueMin')} inputMode="numeric" />
          <TextField {...form.field('valueMax')} inputMode="numeric" />
          <TextField {...form.field('validFrom')} type="date" />
          <TextField {...form.field('validTo')} type="date" />
          <SelectField {...form.field('active')} options={[{ value: 'yes', label: t('common.yes') }, { value: 'no', label: t('common.no') }]} />
        </div>
        <button type="submit" className="button">
          {t('rules.save')}
        </button>
      </form>
    </section>
  );
}

/**
 * Analysts write, revise and retire targeting rules; every save is a new version on the server. Officers read them:
 * the page offers them no form they could fill only to be refused.
 */
export default function RulesPage() {
  const { t } = useI18n();
  const me = useMe();
  const canWrite = me !== null && (me.role === 'analyst' || me.role === 'admin');
  const res = useResource<unknown>('/api/v1/risk/rules');
  const [editing, setEditing] = useState<RuleVersion | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    document.title = `${t('nav.rules')} — ${t('app.name')}`;
  }, [t]);
  const rules = rulesOf(res.data);
  return (
    <>
      <h1>{t('nav.rules')}</h1>
      {me !== null && !canWrite ? (
        <p className="banner" role="note" data-testid="rules-read-only">
          {t('rules.readOnly')}
        </p>
      ) : null}
      <ApiErrorBanner error={res.error ?? error} />
      {rules.length > 0 ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('rules.name')}</th>
                <th scope="col">{t('decl.lane')}</th>
                <th scope="col">{t('rules.reason')}</th>
                <th scope="col">{t('rules.criteria')}</th>
                <th scope="col">{t('rules.validFrom')}</th>
                <th scope="col">{t('rules.active')}</th>
                {canWrite ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('rules.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {rules.map((r) => (
                <tr key={r.ruleId}>
                  <td>
                    {r.name} <span className="hint">v{r.version}</span>
                  </td>
                  <td>{t(`lane.${r.lane}` as MessageKey)}</td>
                  <td>{r.reason}</td>
                  <td>
                    <code>{criteriaText(r.criteria)}</code>
                  </td>
                  <td>
                    {r.validFrom}
                    {r.validTo ? ` – ${r.validTo}` : ''}
                  </td>
                  <td>{r.active ? t('common.yes') : t('common.no')}</td>
                  {canWrite ? (
                  <td className="actions">
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => {
                        setEditing(r);
                        setFormKey((k) => k + 1);
                      }}
                    >
                      {t('rules.editButton')}
                      <span className="visually-hidden"> {r.name}</span>
                    </button>{' '}
                    {r.active ? (
                    <button
                      type="button"
                      className="link-button link-button--danger"
                      onClick={() => {
                        if (!window.confirm(t('rules.confirmDelete', { name: r.name }))) return;
                        void api('DELETE', `/api/v1/risk/rules/${encodeURIComponent(r.ruleId)}?expectedVersion=${r.version}`).then((x) => (x.ok ? res.reload() : setError(x.error)));
                      }}
                    >
                      {t('rules.delete')}
                      <span className="visually-hidden"> {r.name}</span>
                    </button>
                    ) : null}
                  </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : res.data ? (
        <p>{t('rules.none')}</p>
      ) : null}
      {canWrite ? (
        <RuleEditor
          key={formKey}
          editing={editing}
          onSaved={() => {
            setEditing(null);
            setFormKey((k) => k + 1);
            res.reload();
          }}
        />
      ) : null}
    </>
  );
}
