import { useEffect, useState } from 'react';
import { Link } from '../../app/router.tsx';
import { AssessmentView } from '../../components/AssessmentView.tsx';
import { ApiErrorBanner } from '../../components/forms.tsx';
import { History } from '../../components/History.tsx';
import { LaneBadge, StatusTag } from '../../components/status.tsx';
import { useDeclaration } from '../../components/use-declaration.ts';
import { formatCode9 } from '../../components/tariff.ts';
import { useI18n } from '../../i18n/index.tsx';
import { DecisionForm, FindingForm } from './ActionForms.tsx';
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

/** The officer's view: everything the trader sees plus why the declaration was selected, and the actions. */
export default function OfficerDeclarationPage({ params }: { params: Record<string, string> }) {
  const { t, yen } = useI18n();
  const id = params['id'] ?? '';
  const { decl, history, reload } = useDeclaration(id);
  const findings = useResource<{ items: Finding[] }>(`/api/v1/declarations/${encodeURIComponent(id)}/findings`);
  const [done, setDone] = useState<string | null>(null);
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
                  <Link href={`/tariff/${it.code9}`}>{formatCode9(it.code9)}</Link> {it.description} ({it.originCountry}) — {it.invoiceValue.amount} {it.invoiceValue.currency}
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
          </div>
          <div>
            <FindingForm
              id={d.id}
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
            <DecisionForm
              id={d.id}
              onDone={(msg) => {
                setDone(msg);
                reload();
              }}
            />
            <h2>{t('decl.history')}</h2>
            {history.data ? <History events={history.data.events} showPayload /> : null}
          </div>
        </div>
      ) : null}
    </>
  );
}
