import type { HistoryEvent } from './declaration-types.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';

const ROLES = new Set(['trader', 'officer', 'analyst', 'admin']);
import { pageWording } from '../i18n/server-text.ts';

/** The append-only history as a timeline; traders get it without targeting detail (the API strips it). */
export function History({ events, showPayload }: { events: readonly HistoryEvent[]; showPayload: boolean }) {
  const { t, lang } = useI18n();
  // A role in words, with the name where the API gives it; never a bare principal id.
  const actorLabel = (e: HistoryEvent): string => {
    if (e.actor === 'system' || e.actorRole === 'system') return t('history.system');
    const role = e.actorRole && ROLES.has(e.actorRole) ? t(`history.role.${e.actorRole}` as MessageKey) : t('history.role.unknown');
    return e.actorName ? t('history.actorNamed', { role, name: e.actorName }) : role;
  };
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
              {t('history.by', { actor: actorLabel(e) })} · v{e.version}
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
