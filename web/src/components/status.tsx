import { useI18n, type MessageKey } from '../i18n/index.tsx';

/** Lanes are told by word and shape as well as colour, so they survive colour blindness and greyscale printing. */
export function LaneBadge({ lane }: { lane: string | null | undefined }) {
  const { t } = useI18n();
  if (!lane) return <span className="badge">{t('lane.none')}</span>;
  const icon = lane === 'green' ? '●' : lane === 'yellow' ? '▲' : '■';
  return (
    <span className={`badge badge--${lane}`} data-lane={lane}>
      <span aria-hidden="true">{icon} </span>
      {t(`lane.${lane}` as MessageKey)}
    </span>
  );
}

const STATUSES = ['draft', 'submitted', 'accepted', 'assessed', 'lane_assigned', 'released', 'held', 'rejected'] as const;
export const statusKey = (s: string): MessageKey => ((STATUSES as readonly string[]).includes(s) ? (`status.${s}` as MessageKey) : 'status.unknown');

export function StatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  return (
    <span className={`tag tag--${status}`} data-status={status}>
      {t(statusKey(status))}
    </span>
  );
}
