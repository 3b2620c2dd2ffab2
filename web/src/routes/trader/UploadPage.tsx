import { useEffect, useRef, useState } from 'react';
import { api, apiKey } from '../../api/client.ts';
import { ApiErrorBanner } from '../../components/forms.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';

interface Batch {
  readonly id: string;
  readonly status?: 'uploading' | 'processing' | 'completed' | 'failed';
  readonly acceptedLines?: number;
  readonly rejectedLines?: number;
  readonly decided?: number;
  readonly error?: string | null;
}

/** The batch API takes NDJSON (one consignment per line) or CSV (one row per item line). */
const contentTypeOf = (file: File): string => (/\.csv$/i.test(file.name) || file.type === 'text/csv' ? 'text/csv' : 'application/x-ndjson');
const newBatchId = (): string => `cb_web_${crypto.randomUUID().replace(/-/g, '').slice(0, 20)}`;

/** fetch() cannot report upload progress; XMLHttpRequest can. */
function upload(file: File, batchId: string, onProgress: (sent: number) => void): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/consignment-batches?id=${encodeURIComponent(batchId)}`);
    xhr.setRequestHeader('content-type', contentTypeOf(file));
    xhr.setRequestHeader('accept', 'application/json');
    const key = apiKey.get();
    if (key) xhr.setRequestHeader('authorization', `Bearer ${key}`);
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = { message: xhr.responseText.slice(0, 200) };
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => resolve({ status: 0, body: { code: 'NETWORK.UNAVAILABLE', message: 'network error' } });
    xhr.send(file);
  });
}

export default function UploadPage() {
  const { t, num } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState(0);
  const [lines, setLines] = useState(0);
  const [batch, setBatch] = useState<Batch | null>(null);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => {
    document.title = `${t('upload.title')} — ${t('app.name')}`;
    return () => window.clearTimeout(timer.current);
  }, [t]);

  // The server answers the upload once every line is stored; meanwhile the batch, named by the id we chose, is
  // polled so the person sees lines being checked, and polling goes on until every accepted line is decided.
  const poll = (id: string) => {
    void api<Batch>('GET', `/api/v1/consignment-batches/${encodeURIComponent(id)}`).then((r) => {
      if (r.ok) setBatch(r.data);
      const finished = r.ok && (r.data.status === 'completed' || r.data.status === 'failed');
      if (!finished) timer.current = window.setTimeout(() => poll(id), 700);
    });
  };

  const start = async () => {
    if (!file) {
      setError({ code: 'FORM.MISSING', message: t('upload.choose') });
      return;
    }
    setError(null);
    setBusy(true);
    setBatch(null);
    setSent(0);
    const text = await file.text();
    const rows = text.split('\n').filter((l) => l.trim() !== '').length;
    setLines(contentTypeOf(file) === 'text/csv' ? 0 : rows);
    const id = newBatchId();
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => poll(id), 700);
    const r = await upload(file, id, setSent);
    setBusy(false);
    const body = (r.body ?? {}) as Batch & { code?: string; message?: string };
    if (r.status >= 200 && r.status < 300 && body.id) {
      setBatch(body);
      window.clearTimeout(timer.current);
      if (body.status !== 'completed' && body.status !== 'failed') poll(body.id);
    } else {
      window.clearTimeout(timer.current);
      setError({ code: body.code ?? `HTTP.${r.status}`, message: body.message ?? `HTTP ${r.status}` });
    }
  };
  const done = batch ? (batch.acceptedLines ?? 0) + (batch.rejectedLines ?? 0) : 0;

  return (
    <>
      <h1>{t('upload.title')}</h1>
      <p className="lead">{t('upload.lead')}</p>
      <ApiErrorBanner error={error} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <div className="field">
          <label htmlFor="f-file">{t('upload.file')}</label>
          <div className="hint" id="f-file-hint">
            {t('upload.hint')}
          </div>
          <input id="f-file" type="file" accept=".ndjson,.jsonl,.csv,application/x-ndjson,text/csv" aria-describedby="f-file-hint" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {t('upload.button')}
        </button>
      </form>
      {file && (busy || batch) ? (
        <section aria-labelledby="progress-title">
          <h2 id="progress-title">{t('upload.progress')}</h2>
          <label htmlFor="upload-progress">{t('upload.sent')}</label>
          <progress id="upload-progress" max={file.size} value={Math.min(sent, file.size)} />
          {batch ? (
            <>
              {lines > 0 ? (
                <>
                  <label htmlFor="decide-progress">{t('upload.decided', { done: num(done), total: num(lines) })}</label>
                  <progress id="decide-progress" max={lines} value={done} />
                </>
              ) : null}
              <dl className="summary-list" aria-live="polite" data-testid="batch">
                <div>
                  <dt>{t('upload.status')}</dt>
                  <dd data-status={batch.status}>{batch.status ? t(`upload.status.${batch.status}` as MessageKey) : '—'}</dd>
                </div>
                <div>
                  <dt>{t('upload.accepted')}</dt>
                  <dd>{num(batch.acceptedLines ?? 0)}</dd>
                </div>
                <div>
                  <dt>{t('upload.rejected')}</dt>
                  <dd>{num(batch.rejectedLines ?? 0)}</dd>
                </div>
                <div>
                  <dt>{t('upload.decidedCount')}</dt>
                  <dd>{num(batch.decided ?? 0)}</dd>
                </div>
              </dl>
            </>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
