import { useEffect, useState } from 'react';
import { Link } from '../../app/router.tsx';
import { AssessmentView } from '../../components/AssessmentView.tsx';
import { ApiErrorBanner } from '../../components/forms.tsx';
import { Documents } from '../../components/Documents.tsx';
import { History } from '../../components/History.tsx';
import { LaneBadge, StatusTag, statusKey } from '../../components/status.tsx';
import type { HistoryEvent } from '../../components/declaration-types.ts';
import { useDeclaration } from '../../components/use-declaration.ts';
import { formatCode9, groupDecimal } from '../../components/tariff.ts';
import { useI18n } from '../../i18n/index.tsx';
import { DecisionForm, FindingForm, PaymentForm, type Decision } from './ActionForms.tsx';
import { RiskPanel } from './RiskPanel.tsx';
import { useResource } from '../../api/use-resource.ts';

interface Finding {
  readonly findingId: string;
  readonly kind: 'no_discrepancy' | 'discrepancy_revenue' | 'prohibited_goods';
  readonly item?: number;
  readonly revenueYen?: number;
  readonly note?: string;
  readonly officerId: string;
  readonly at: string;
}
const KIND_KEY = { no_discrepancy: 'finding.none', discrepancy_revenue: 'finding.revenueDiscrepancy', prohibited_goods: 'finding.prohibited' } as const;
const DECISIONS: readonly Decision[] = ['release', 'hold', 'reject'];

interface DataChange {
  readonly path: string;
  readonly from?: unknown;
  readonly to?: unknown;
}

/** What the trader's latest amendment changed, when the version on screen is that amendment's. */
function AmendmentChanges({ events, version }: { events: readonly HistoryEvent[]; version: number }) {
  const { t } = useI18n();
  const last = [...events].reverse().find((e) => e.type === 'amended');
  if (!last || last.version !== version) return null;
  const changes = (Array.isArray(last.payload['changes']) ? last.payload['changes'] : []) as DataChange[];
  const show = (v: unknown) => (v === undefined ? t('integrity.change.none') : typeof v === 'string' ? v : JSON.stringify(v));
  const kept = last.payload['to'] !== 'submitted' && last.payload['to'] !== 'draft';
  return (
    <section className="card" aria-labelledby="amended-title" data-testid="amendment-changes">
      <h2 id="amended-title">{t('integrity.amendedTitle', { from: Number(last.payload['previousVersion'] ?? version - 1), to: version })}</h2>
      {kept ? <p>{t('integrity.amendedKept')}</p> : null}
      {changes.length === 0 ? (
        <p>{t('integrity.noChanges')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('history.detail')}</th>
              <th scope="col">{t('integrity.change.from')}</th>
              <th scope="col">{t('integrity.change.to')}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.path}>
                <td>
                  <code className="code">{c.path}</code>
                </td>
                <td>{show(c.from)}</td>
                <td>{show(c.to)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The officer's view: everything the trader sees plus why the declaration was selected, and the actions. */
export default function OfficerDeclarationPage({ params }: { params: Record<string, string> }) {
  const { t, yen } = useI18n();
  const id = params['id'] ?? '';
  const { decl, history, reload } = useDeclaration(id);
  const findings = useResource<{ items: Finding[] }>(`/api/v1/declarations/${encodeURIComponent(id)}/findings`);
  const [done, setDone] = useState<string | null>(null);
  // A decision recorded closes the form; it opens again only on request, and only if the status allows one.
  const [deciding, setDeciding] = useState(true);
  const d = decl.data;
  useEffect(() => {
    document.title = `${d?.lrn ?? id} — ${t('nav.queue')} — ${t('app.name')}`;
  }, [t, d?.lrn, id]);
  const risk = d?.risk ?? null;

  return (
    <>
      <p>
        <Link href="/officer">← {t('nav.queue')}</Link>
      </p>
      <h1>
        <span className="caption">{t('trader.detail.title')}</span> {d?.lrn ?? id}
      </h1>
      <ApiErrorBanner error={decl.error} />
      {done ? (
        <div className="banner banner--success" role="status">
          {done}
        </div>
      ) : null}
      {d ? (
        <div className="two-col">
          <div>
            <dl className="summary-list">
              <div>
                <dt>{t('decl.status')}</dt>
                <dd data-testid="status">
                  <StatusTag status={d.status} />
                </dd>
              </div>
              <div>
                <dt>{t('decl.lane')}</dt>
                <dd data-testid="lane">
                  <LaneBadge lane={d.lane} />
                </dd>
              </div>
              <div>
                <dt>{t('integrity.version')}</dt>
                <dd data-testid="version">{d.version}</dd>
              </div>
              {d.paidYen ? (
                <div>
                  <dt>{t('integrity.paid')}</dt>
                  <dd data-testid="paid">{yen(d.paidYen)}</dd>
                </div>
              ) : null}
              <div>
                <dt>{t('f.importerName')}</dt>
                <dd>{d.data.importer?.name ?? d.data.exporter?.name ?? '—'}</dd>
              </div>
              <div>
                <dt>{t('f.transport')}</dt>
                <dd>
                  {t(`mode.${d.data.transport.mode}` as 'mode.sea')} · {d.data.transport.port} · {d.data.transport.date}
                </dd>
              </div>
            </dl>
            <h2>{t('officer.items')}</h2>
            <ol>
              {d.data.items.map((it, i) => (
                <li key={i}>
                  <Link href={`/tariff/${it.code9}`}>{formatCode9(it.code9)}</Link> {it.description} ({it.originCountry}) — {it.invoiceValue.currency} {groupDecimal(it.invoiceValue.amount)}
                </li>
              ))}
            </ol>
            <RiskPanel risk={risk} lane={d.lane} />
            {d.assessment && !d.assessment.problems ? (
              <section aria-labelledby="duty-title">
                <h2 id="duty-title">{t('decl.duty')}</h2>
                <AssessmentView assessment={d.assessment} />
              </section>
            ) : null}
            <Documents declarationId={d.id} canSend={false} />
          </div>
          <div>
            {history.data ? <AmendmentChanges events={history.data.events} version={d.version} /> : null}
            <FindingForm
              key={`finding-${d.version}`}
              id={d.id}
              version={d.version}
              onReload={reload}
              itemCount={d.data.items.length}
              onDone={(msg) => {
                setDone(msg);
                reload();
                findings.reload();
              }}
            />
            {findings.data?.items && findings.data.items.length > 0 ? (
              <section aria-labelledby="findings-title" data-testid="findings">
                <h2 id="findings-title">{t('finding.recordedTitle')}</h2>
                <ul>
                  {findings.data.items.map((f) => (
                    <li key={f.findingId}>
                      <strong>{t(KIND_KEY[f.kind] ?? 'finding.none')}</strong>
                      {f.item !== undefined ? ` — ${t('assess.item', { n: f.item + 1 })}` : ''}
                      {f.revenueYen !== undefined ? ` — ${yen(f.revenueYen)}` : ''}
                      {f.note ? <p>{f.note}</p> : null}
                      <span className="hint">
                        {new Date(f.at).toLocaleString()} · {t('history.by', { actor: f.officerId })}
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            {d.allowedActions?.includes('payment') && d.assessment && typeof d.assessment.totalYen === 'number' ? (
              <PaymentForm
                key={`payment-${d.version}`}
                id={d.id}
                version={d.version}
                owedYen={d.assessment.totalYen - (d.paidYen ?? 0)}
                onReload={reload}
                onDone={(msg) => {
                  setDone(msg);
                  reload();
                }}
              />
            ) : null}
            {(() => {
              const decisions = DECISIONS.filter((a) => (d.allowedActions ?? DECISIONS).includes(a));
              if (decisions.length === 0) {
                return (
                  <section className="card" aria-labelledby="decision-title" data-testid="decision-closed">
                    <h2 id="decision-title">{t('decision.title')}</h2>
                    <p>{t('integrity.decisionClosed', { status: t(statusKey(d.status)) })}</p>
                  </section>
                );
              }
              if (!deciding) {
                return (
                  <section className="card" aria-labelledby="decision-title" data-testid="decision-done">
                    <h2 id="decision-title">{t('decision.title')}</h2>
                    <p>{t('decision.recorded')}</p>
                    <button type="button" className="button button--secondary" onClick={() => setDeciding(true)}>
                      {t('integrity.decideAgain')}
                    </button>
                  </section>
                );
              }
              return (
                <DecisionForm
                  key={`decision-${d.version}`}
                  id={d.id}
                  version={d.version}
                  decisions={decisions}
                  onReload={reload}
                  onDone={() => {
                    // The closed form's card says the decision was recorded; the banner is for findings.
                    setDone(null);
                    setDeciding(false);
                    reload();
                  }}
                />
              );
            })()}
            <h2>{t('decl.history')}</h2>
            {history.data ? <History events={history.data.events} showPayload /> : null}
          </div>
        </div>
      ) : null}
    </>
  );
}
