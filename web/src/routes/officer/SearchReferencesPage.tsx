import { useEffect, useState } from 'react';
import { api, type ApiError } from '../../api/client.ts';
import { useResource } from '../../api/use-resource.ts';
import { ApiErrorBanner, ErrorSummary, TextField } from '../../components/forms.tsx';
import { useForm } from '../../components/use-form.ts';
import { required, type Check } from '../../components/validators.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { Link } from '../../app/router.tsx';
import { parseCodes } from './search-reference-form.ts';

interface SearchReference {
  readonly term: string;
  readonly codes: readonly string[];
  readonly note: string | null;
  readonly updatedBy: string;
  readonly updatedAt: string;
}

const PAGE = 50;
const CODES: Check = (v, all) => required(v, all) ?? (parseCodes(v).every((c) => /^(\d{2}|\d{4}|\d{6}|\d{9})$/.test(c)) ? null : 'refs.codes.invalid');
const RULES: Record<string, Check> = { term: required, codes: CODES };
const LABELS: Record<string, MessageKey> = { term: 'refs.term', codes: 'refs.codes', note: 'refs.note' };

function ReferenceForm({ onSaved }: { onSaved: () => void }) {
  const { t } = useI18n();
  const form = useForm({ term: '', codes: '', note: '' }, RULES, LABELS);
  const [error, setError] = useState<ApiError | null>(null);
  const save = async () => {
    if (!form.trySubmit()) return;
    const r = await api('PUT', '/api/v1/tariff/search-references', {
      term: form.values['term'] ?? '',
      codes: parseCodes(form.values['codes'] ?? ''),
      note: (form.values['note'] ?? '').trim() || null,
    });
    if (r.ok) onSaved();
    else if (r.error.problems.length > 0) form.showServerErrors({ ...r.error, problems: r.error.problems.map((p) => ({ ...p, path: p.path.replace(/^\$\.codes\[\d+\]/, '$.codes') })) });
    else setError(r.error);
  };
  return (
    <section className="card" aria-labelledby="ref-editor">
      <h2 id="ref-editor">{t('refs.new')}</h2>
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
          <TextField {...form.field('term')} hint={t('refs.term.hint')} />
          <TextField {...form.field('codes')} hint={t('refs.codes.hint')} />
          <TextField {...form.field('note')} hint={t('refs.note.hint')} />
        </div>
        <button type="submit" className="button">
          {t('refs.save')}
        </button>
      </form>
    </section>
  );
}

/** Officers answer search terms the nomenclature cannot (trade names, slang) with codes and a note for the searcher. */
export default function SearchReferencesPage() {
  const { t } = useI18n();
  const [offset, setOffset] = useState(0);
  const res = useResource<{ items: SearchReference[]; total: number }>(`/api/v1/tariff/search-references?offset=${offset}&limit=${PAGE}`);
  const [formKey, setFormKey] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    document.title = `${t('nav.searchReferences')} — ${t('app.name')}`;
  }, [t]);
  const items = res.data?.items ?? [];
  const total = res.data?.total ?? 0;
  return (
    <>
      <h1>{t('nav.searchReferences')}</h1>
      <p className="lead">{t('refs.lead')}</p>
      <ApiErrorBanner error={res.error ?? error} />
      {items.length > 0 ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('refs.term')}</th>
                <th scope="col">{t('refs.codes')}</th>
                <th scope="col">{t('refs.note')}</th>
                <th scope="col">{t('refs.updated')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('rules.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.term}>
                  <td>
                    <Link href={`/?q=${encodeURIComponent(r.term)}`}>{r.term}</Link>
                  </td>
                  <td>
                    <code>{r.codes.join(', ')}</code>
                  </td>
                  <td>{r.note ?? '—'}</td>
                  <td>
                    {r.updatedAt.slice(0, 10)} <span className="hint">{r.updatedBy}</span>
                  </td>
                  <td className="actions">
                    <button
                      type="button"
                      className="link-button link-button--danger"
                      onClick={() => {
                        if (!window.confirm(t('refs.confirmDelete', { term: r.term }))) return;
                        void api('DELETE', `/api/v1/tariff/search-references?term=${encodeURIComponent(r.term)}`).then((x) => (x.ok ? res.reload() : setError(x.error)));
                      }}
                    >
                      {t('refs.delete')}
                      <span className="visually-hidden"> {r.term}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : res.data ? (
        <p>{t('refs.none')}</p>
      ) : null}
      {total > PAGE ? (
        <nav className="pager" aria-label={t('refs.pages')}>
          <button type="button" className="link-button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            {t('refs.previous')}
          </button>{' '}
          <span>{t('refs.range', { from: offset + 1, to: Math.min(offset + PAGE, total), total })}</span>{' '}
          <button type="button" className="link-button" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
            {t('refs.next')}
          </button>
        </nav>
      ) : null}
      <ReferenceForm
        key={formKey}
        onSaved={() => {
          setFormKey((k) => k + 1);
          res.reload();
        }}
      />
    </>
  );
}
