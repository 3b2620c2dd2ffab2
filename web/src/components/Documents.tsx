import { useState } from 'react';
import { api, apiKey, type ApiError } from '../api/client.ts';
import { usePrincipal } from '../api/use-principal.ts';
import { useResource } from '../api/use-resource.ts';
import { useI18n } from '../i18n/index.tsx';
import { ApiErrorBanner, type FieldError } from './forms.tsx';

export interface DocumentMeta {
  readonly id: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly note: string | null;
  readonly uploadedBy: string;
  readonly uploadedAt: string;
}

/** What the API accepts (src/modules/documents): checked here first so a wrong file is refused before it is read. */
export const DOCUMENT_TYPES: readonly string[] = ['application/pdf', 'image/jpeg', 'image/png'];
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export function documentProblem(file: { type: string; size: number } | null): 'docs.choose' | 'docs.type' | 'docs.tooLarge' | null {
  if (!file) return 'docs.choose';
  if (!DOCUMENT_TYPES.includes(file.type)) return 'docs.type';
  if (file.size > MAX_DOCUMENT_BYTES) return 'docs.tooLarge';
  return null;
}

const base64Of = (file: File): Promise<string> =>
  new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsDataURL(file);
  });

/** Downloads with the signed-in key (a plain link would carry no Authorization header). */
async function download(path: string, name: string): Promise<void> {
  const key = apiKey.get();
  const res = await fetch(path, { headers: key ? { authorization: `Bearer ${key}` } : {} });
  if (!res.ok) return;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The documents sent for a declaration: a list with downloads (the owner and officers), and for the trader a form
 * to send one (PDF, JPEG or PNG, up to 5 MB) while the declaration is open.
 */
export function Documents({ declarationId, canSend, highlight = false }: { declarationId: string; canSend: boolean; highlight?: boolean }) {
  const { t, num } = useI18n();
  const base = `/api/v1/declarations/${encodeURIComponent(declarationId)}/documents`;
  const docs = useResource<{ items: DocumentMeta[] }>(base);
  const me = usePrincipal();
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const [fieldError, setFieldError] = useState<FieldError | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [formKey, setFormKey] = useState(0);

  const send = async () => {
    setSent(null);
    const problem = documentProblem(file);
    if (problem || !file) {
      setFieldError({ message: t(problem ?? 'docs.choose') });
      return;
    }
    setFieldError(null);
    setBusy(true);
    const body = { fileName: file.name, contentType: file.type, contentBase64: await base64Of(file), ...(note.trim() ? { note: note.trim() } : {}) };
    const r = await api<DocumentMeta>('POST', base, body);
    setBusy(false);
    if (r.ok) {
      setError(null);
      setSent(r.data.fileName);
      setFile(null);
      setNote('');
      setFormKey((k) => k + 1);
      docs.reload();
    } else if (r.error.code.startsWith('DOCUMENT.') && r.error.code !== 'DOCUMENT.DECLARATION_CLOSED') {
      setFieldError({ code: r.error.code, message: r.error.message });
    } else setError(r.error);
  };

  const items = docs.data?.items ?? [];
  return (
    <section aria-labelledby="docs-title" className={highlight ? 'card card--ask' : undefined} data-testid="documents">
      <h2 id="docs-title">{t('docs.title')}</h2>
      {highlight && canSend ? <p>{t('docs.askedFor')}</p> : null}
      <ApiErrorBanner error={docs.error ?? error} />
      {items.length === 0 ? (
        <p className="hint">{t('docs.none')}</p>
      ) : (
        <ul className="documents">
          {items.map((d) => (
            <li key={d.id} data-testid="document">
              <button type="button" className="link-button" onClick={() => void download(`${base}/${encodeURIComponent(d.id)}`, d.fileName)}>
                {d.fileName}
              </button>{' '}
              <span className="hint">
                {d.contentType.replace(/^.*\//, '').toUpperCase()} · {t('docs.size', { kb: num(Math.max(1, Math.round(d.sizeBytes / 1024))) })} · {t('docs.by', { who: d.uploadedBy === me?.id ? t('docs.you') : d.uploadedBy, at: new Date(d.uploadedAt).toLocaleString() })}
              </span>
              {d.note ? <p>{d.note}</p> : null}
            </li>
          ))}
        </ul>
      )}
      {sent ? (
        <div className="banner banner--success" role="status">
          {t('docs.sent', { name: sent })}
        </div>
      ) : null}
      {canSend ? (
        <form
          key={formKey}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          <div className={`field${fieldError ? ' field--error' : ''}`}>
            <label htmlFor="f-document-file">{t('docs.file')}</label>
            <div className="hint" id="f-document-file-hint">
              {t('docs.file.hint')}
            </div>
            {fieldError ? (
              <p className="field-error" id="f-document-file-error" data-code={fieldError.code}>
                {fieldError.message}
                {fieldError.code ? <code className="code"> {fieldError.code}</code> : null}
              </p>
            ) : null}
            <input
              id="f-document-file"
              type="file"
              accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={`f-document-file-hint${fieldError ? ' f-document-file-error' : ''}`}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setFieldError(null);
              }}
            />
          </div>
          <div className="field">
            <label htmlFor="f-document-note">{t('docs.note')}</label>
            <div className="hint" id="f-document-note-hint">
              {t('docs.note.hint')}
            </div>
            <input id="f-document-note" maxLength={500} value={note} aria-describedby="f-document-note-hint" onChange={(e) => setNote(e.target.value)} />
          </div>
          <button type="submit" className="button" disabled={busy}>
            {t('docs.send')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
