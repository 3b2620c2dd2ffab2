import { useEffect, useRef, useState } from 'react';
import { api, apiKey } from '../../api/client.ts';
import { useResource } from '../../api/use-resource.ts';
import { ApiErrorBanner } from '../../components/forms.tsx';
import { LaneBadge } from '../../components/status.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { recordCount, resultsCsv, type BatchLine } from './upload-results.ts';

interface Batch {
  readonly id: string;
  readonly status?: 'uploading' | 'processing' | 'completed' | 'failed';
  readonly acceptedLines?: number;
  readonly rejectedLines?: number;
  readonly decided?: number;
  readonly error?: string | null;
  readonly format?: string;
  readonly createdAt?: string;
}

type LinesPage = { items: BatchLine[]; nextFrom: number | null };
const PAGE = 200;

/** Every line of a batch, a thousand at a time (for the download). */
async function allLines(id: string): Promise<BatchLine[] | null> {
  const out: BatchLine[] = [];
  let from: number | null = 1;
  while (from !== null) {
    const r: Awaited<ReturnType<typeof api<LinesPage>>> = await api<LinesPage>('GET', `/api/v1/consignment-batches/${encodeURIComponent(id)}/lines?from=${from}&limit=1000`);
    if (!r.ok) return null;
    out.push(...r.data.items);
    from = r.data.nextFrom;
  }
  return out;
}

/** A batch's results line by line: the problems of rejected lines with their line and code, each consignment's decision. */
function BatchResults({ batch }: { batch: Batch }) {
  const { t, yen } = useI18n();
  const [lines, setLines] = useState<BatchLine[]>([]);
  const [nextFrom, setNextFrom] = useState<number | null>(null);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const load = (from: number, replace: boolean) =>
    void api<LinesPage>('GET', `/api/v1/consignment-batches/${encodeURIComponent(batch.id)}/lines?from=${from}&limit=${PAGE}`).then((r) => {
      if (!r.ok) {
        setError(r.error);
        return;
      }
      setLines((old) => (replace ? r.data.items : [...old, ...r.data.items]));
      setNextFrom(r.data.nextFrom);
    });
  // Read again when the batch moves on (decisions arrive while it is processing).
  useEffect(() => load(1, true), [batch.id, batch.status, batch.decided]);
  const rejected = lines.filter((l) => !l.accepted);
  const accepted = lines.filter((l) => l.accepted);
  const download = async () => {
    const all = await allLines(batch.id);
    if (!all) return;
    const url = URL.createObjectURL(new Blob([resultsCsv(all)], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${batch.id}-results.csv`;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <section aria-labelledby="results-title" data-testid="batch-results">
      <ApiErrorBanner error={error} />
      <h2 id="problems-title">{t('upload.problems.title')}</h2>
      {rejected.length === 0 ? (
        <p>{(batch.rejectedLines ?? 0) === 0 ? t('upload.problems.none') : t('app.loading')}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="problems">
            <thead>
              <tr>
                <th scope="col" className="num">{t('upload.line')}</th>
                <th scope="col">{t('upload.consignment')}</th>
                <th scope="col">{t('upload.field')}</th>
                <th scope="col">{t('upload.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {rejected.flatMap((l) =>
                (l.problems ?? []).map((p, i) => (
                  <tr key={`${l.lineNo}-${i}`} data-line={l.lineNo}>
                    <td className="num">{p.lineNo ?? l.lineNo}</td>
                    <td>{l.consignmentId ?? '—'}</td>
                    <td>
                      <code>{p.column ?? p.path ?? '—'}</code>
                    </td>
                    <td>
                      {p.message} <code className="code">{p.code}</code>
                    </td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      )}
      <h2 id="results-title">{t('upload.results.title')}</h2>
      {accepted.length > 0 ? (
        <div className="table-wrap">
          <table data-testid="consignments">
            <thead>
              <tr>
                <th scope="col" className="num">{t('upload.line')}</th>
                <th scope="col">{t('upload.consignment')}</th>
                <th scope="col">{t('upload.decision')}</th>
                <th scope="col">{t('upload.status')}</th>
                <th scope="col" className="num">{t('upload.duty')}</th>
              </tr>
            </thead>
            <tbody>
              {accepted.map((l) => (
                <tr key={l.lineNo} data-line={l.lineNo}>
                  <td className="num">{l.lineNo}</td>
                  <td>{l.consignmentId}</td>
                  <td>{l.lane ? <LaneBadge lane={l.lane as 'green'} /> : t('upload.pending')}</td>
                  <td>{l.status && l.status !== 'accepted' ? t(`upload.cstatus.${l.status}` as MessageKey) : t('upload.pending')}</td>
                  <td className="num">{typeof l.assessment?.totalYen === 'number' ? yen(l.assessment.totalYen) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {nextFrom !== null ? (
        <button type="button" className="button button--secondary" onClick={() => load(nextFrom, false)}>
          {t('upload.more')}
        </button>
      ) : null}{' '}
      <button type="button" className="button button--secondary" data-testid="download" onClick={() => void download()}>
        {t('upload.download')}
      </button>
    </section>
  );
}

/** The sender's past batches, newest first, a page at a time; one opens its results. */
function PastBatches({ onOpen, refresh }: { onOpen: (b: Batch) => void; refresh: number }) {
  const { t, num } = useI18n();
  const [cursors, setCursors] = useState<string[]>(['']);
  const cursor = cursors[cursors.length - 1] ?? '';
  const res = useResource<{ items: Batch[]; nextCursor: string | null }>(`/api/v1/consignment-batches?limit=10${cursor ? `&cursor=${cursor}` : ''}`);
  const { reload } = res;
  // A finished upload joins the list.
  useEffect(() => reload(), [refresh, reload]);
  const items = res.data?.items ?? [];
  return (
    <section aria-labelledby="past-title" data-testid="past-batches">
      <h2 id="past-title">{t('upload.history.title')}</h2>
      <ApiErrorBanner error={res.error} />
      {items.length === 0 && res.data ? <p>{t('upload.history.none')}</p> : null}
      {items.length > 0 ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('upload.history.when')}</th>
                <th scope="col">{t('upload.status')}</th>
                <th scope="col" className="num">{t('upload.accepted')}</th>
                <th scope="col" className="num">{t('upload.rejected')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('upload.history.open')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((b) => (
                <tr key={b.id} data-batch={b.id}>
                  <td>
                    {b.createdAt ? new Date(b.createdAt).toLocaleString() : '—'} <span className="hint">{b.format?.toUpperCase()}</span>
                  </td>
                  <td>{b.status ? t(`upload.status.${b.status}` as MessageKey) : '—'}</td>
                  <td className="num">{num(b.acceptedLines ?? 0)}</td>
                  <td className="num">{num(b.rejectedLines ?? 0)}</td>
                  <td>
                    <button type="button" className="link-button" onClick={() => onOpen(b)}>
                      {t('upload.history.open')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {cursors.length > 1 ? (
        <button type="button" className="button button--secondary" onClick={() => setCursors((c) => c.slice(0, -1))}>
          {t('upload.history.newer')}
        </button>
      ) : null}{' '}
      {res.data?.nextCursor ? (
        <button type="button" className="button button--secondary" onClick={() => setCursors((c) => [...c, res.data!.nextCursor!])}>
          {t('upload.history.older')}
        </button>
      ) : null}
    </section>
  );
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
  const [opened, setOpened] = useState<Batch | null>(null);
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
    setOpened(null);
    setSent(0);
    setLines(recordCount(await file.text(), contentTypeOf(file) === 'text/csv'));
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
              <BatchResults batch={batch} />
            </>
          ) : null}
        </section>
      ) : null}
      {opened && !(file && (busy || batch)) ? (
        <section aria-labelledby="opened-title">
          <h2 id="opened-title">
            {opened.createdAt ? new Date(opened.createdAt).toLocaleString() : opened.id}
          </h2>
          <BatchResults batch={opened} />
        </section>
      ) : null}
      <PastBatches
        refresh={batch?.status === 'completed' || batch?.status === 'failed' ? 1 : 0}
        onOpen={(b) => {
          setFile(null);
          setBatch(null);
          setOpened(b);
        }}
      />
    </>
  );
}
