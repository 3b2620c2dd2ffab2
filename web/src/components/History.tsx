import type { HistoryEvent } from './declaration-types.ts';
import { useI18n } from '../i18n/index.tsx';

/** The append-only history as a timeline; traders get it without targeting detail (the API strips it). */
export function History({ events, showPayload }: { events: readonly HistoryEvent[]; showPayload: boolean }) {
  const { t } = useI18n();
  return (
    <ol className="timeline">
      {events.map((e) => {
        const reason = typeof e.payload['reason'] === 'string' ? e.payload['reason'] : null;
        return (
          <li key={e.seq}>
            <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time> <strong>{e.type.replace(/_/g, ' ')}</strong>{' '}
            <span className="hint">
              {t('history.by', { actor: e.actor })} · v{e.version}
            </span>
            {reason ? <p>{reason}</p> : null}
            {showPayload && Object.keys(e.payload).length > 0 ? (
              <details>
                <summary>{t('history.detail')}</summary>
                <pre>{JSON.stringify(e.payload, null, 2)}</pre>
              </details>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
