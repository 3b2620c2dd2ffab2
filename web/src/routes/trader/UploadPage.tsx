import { useEffect, useRef, useState } from 'react';
import { api, apiKey } from '../../api/client.ts';
import { ApiErrorBanner } from '../../components/forms.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface Batch {
  readonly id: string;
  readonly acceptedLines?: number;
  readonly rejectedLines?: number;
  readonly decided?: number;
  readonly status?: string;
}

/** fetch() cannot report upload progress; XMLHttpRequest can. */
function upload(file: File, onProgress: (sent: number) => void): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/consignment-batches');
    xhr.setRequestHeader('content-type', 'application/x-ndjson');
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

  const poll = (id: string) => {
    void api<Batch>('GET', `/api/v1/consignment-batches/${encodeURIComponent(id)}`).then((r) => {
      if (!r.ok) return setError(r.error);
      setBatch(r.data);
      const done = (r.data.acceptedLines ?? 0) + (r.data.rejectedLines ?? 0);
      if (r.data.status !== 'done' && r.data.status !== 'failed' && (done < lines || lines === 0)) timer.current = window.setTimeout(() => poll(id), 1000);
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
    setLines((await file.text()).split('\n').filter((l) => l.trim() !== '').length);
    const r = await upload(file, setSent);
    setBusy(false);
    const body = (r.body ?? {}) as { id?: string; code?: string; message?: string };
    if (r.status >= 200 && r.status < 300 && body.id) {
      setBatch(body as Batch);
      poll(body.id);
    } else setError({ code: body.code ?? `HTTP.${r.status}`, message: body.message ?? `HTTP ${r.status}` });
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
          <input id="f-file" type="file" accept=".ndjson,.jsonl,application/x-ndjson" aria-describedby="f-file-hint" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
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
              <label htmlFor="decide-progress">{t('upload.decided', { done: num(done), total: num(lines) })}</label>
              <progress id="decide-progress" max={Math.max(lines, 1)} value={done} />
              <dl className="summary-list" aria-live="polite">
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
