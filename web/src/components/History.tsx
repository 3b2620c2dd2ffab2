import type { HistoryEvent } from './declaration-types.ts';
import { useI18n } from '../i18n/index.tsx';
import { pageWording } from '../i18n/server-text.ts';

/** The append-only history as a timeline; traders get it without targeting detail (the API strips it). */
export function History({ events, showPayload }: { events: readonly HistoryEvent[]; showPayload: boolean }) {
  const { t, lang } = useI18n();
  return (
    <ol className="timeline">
      {events.map((e) => {
        const reason = typeof e.payload['reason'] === 'string' ? e.payload['reason'] : null;
        // The system's own reasons have a wording of their own; an officer's reason is shown as written.
        const reasonText = reason === null ? null : e.actor === 'system' ? (pageWording(lang, `reason.${reason}`) ?? reason) : reason;
        return (
          <li key={e.seq}>
            <time dateTime={e.at}>{new Date(e.at).toLocaleString(lang)}</time>{' '}
            <strong data-event={e.type}>{pageWording(lang, `event.${e.type}`) ?? e.type.replace(/_/g, ' ')}</strong>{' '}
            <span className="hint">
              {t('history.by', { actor: e.actor === 'system' ? t('history.system') : e.actor })} · v{e.version}
            </span>
            {reasonText ? <p>{reasonText}</p> : null}
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
