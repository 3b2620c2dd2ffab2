import { useEffect } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useResource } from '../../api/use-resource.ts';
import { ApiErrorBanner } from '../../components/forms.tsx';
import { useI18n } from '../../i18n/index.tsx';

interface Dashboard {
  readonly perDay: readonly { date: string; declarations: number; green: number; yellow: number; red: number }[];
  readonly hitRate: { targeted: { inspected: number; hits: number }; control: { inspected: number; hits: number } };
  readonly modelVersion: string | null;
}

const pct = (hits: number, n: number): number => (n === 0 ? 0 : Math.round((hits / n) * 1000) / 10);

/**
 * Lanes per day and the hit rate of targeted against random-control inspections: if targeting is worth anything, the
 * first rate is well above the second. Colours come with words in the legend and a data table; no animation, so
 * nothing moves for people who get dizzy from motion and the bars are at their height when the page is printed.
 */
export default function DashboardPage() {
  const { t } = useI18n();
  const res = useResource<Dashboard>('/api/v1/stats/dashboard');
  useEffect(() => {
    document.title = `${t('nav.dashboard')} — ${t('app.name')}`;
  }, [t]);
  const d = res.data;
  const hit = d
    ? [
        { name: t('dash.targeted'), rate: pct(d.hitRate.targeted.hits, d.hitRate.targeted.inspected), n: d.hitRate.targeted.inspected },
        { name: t('dash.control'), rate: pct(d.hitRate.control.hits, d.hitRate.control.inspected), n: d.hitRate.control.inspected },
      ]
    : [];
  return (
    <>
      <h1>{t('nav.dashboard')}</h1>
      <ApiErrorBanner error={res.error} />
      {d ? (
        <>
          <p>
            {t('dash.model')}: <strong data-testid="model-version">{d.modelVersion ?? t('officer.noModel')}</strong>
          </p>
          <section aria-labelledby="per-day">
            <h2 id="per-day">{t('dash.perDay')}</h2>
            <div className="chart" role="img" aria-label={t('dash.perDay.alt')}>
              <ResponsiveContainer width="100%" height={280}>
                <BarChart data={[...d.perDay]}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="date" />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Legend />
                  <Bar isAnimationActive={false} dataKey="green" stackId="l" name={t('lane.green')} fill="#00703c" />
                  <Bar isAnimationActive={false} dataKey="yellow" stackId="l" name={t('lane.yellow')} fill="#b58a00" />
                  <Bar isAnimationActive={false} dataKey="red" stackId="l" name={t('lane.red')} fill="#b10e1e" />
                </BarChart>
              </ResponsiveContainer>
            </div>
            <details>
              <summary>{t('dash.table')}</summary>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('dash.date')}</th>
                    <th scope="col" className="num">{t('dash.declarations')}</th>
                    <th scope="col" className="num">{t('lane.green')}</th>
                    <th scope="col" className="num">{t('lane.yellow')}</th>
                    <th scope="col" className="num">{t('lane.red')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.perDay.map((r) => (
                    <tr key={r.date}>
                      <th scope="row">{r.date}</th>
                      <td className="num">{r.declarations}</td>
                      <td className="num">{r.green}</td>
                      <td className="num">{r.yellow}</td>
                      <td className="num">{r.red}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </section>
          <section aria-labelledby="hit-rate">
            <h2 id="hit-rate">{t('dash.hitRate')}</h2>
            <div className="chart" role="img" aria-label={hit.map((h) => `${h.name}: ${h.rate}% (n=${h.n})`).join('; ')}>
              <ResponsiveContainer width="100%" height={220}>
                <BarChart data={hit} layout="vertical" margin={{ left: 40 }}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis type="number" unit="%" domain={[0, 100]} />
                  <YAxis type="category" dataKey="name" width={140} />
                  <Tooltip />
                  <Bar isAnimationActive={false} dataKey="rate" name={t('dash.hitRate')} fill="#0b3d6e" />
                </BarChart>
              </ResponsiveContainer>
            </div>
            <ul>
              {hit.map((h) => (
                <li key={h.name}>
                  {h.name}: {h.rate}% ({t('dash.inspected', { n: h.n })})
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </>
  );
}
