import type { OverviewTileDto } from '../../api/overview-api';
import type { I18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/messages';

/**
 * The words of the overview's tiles. A tile id the tab does not know yet (goals and the register
 * add theirs in their own issues) has no entry and is not shown until its texts are added here.
 */
const countLabels: Record<string, MessageKey> = {
  'reviews-overdue': 'overview.tile.reviews-overdue',
  'reviews-due': 'overview.tile.reviews-due',
  'approvals-waiting': 'overview.tile.approvals-waiting',
  'open-nonconformities': 'overview.tile.open-nonconformities',
  'actions-overdue': 'overview.tile.actions-overdue',
  'competence-gaps': 'overview.tile.competence-gaps',
  'goals-red': 'overview.tile.goals-red',
  'goals-yellow': 'overview.tile.goals-yellow',
  'goals-green': 'overview.tile.goals-green',
  'my-tasks': 'overview.tile.my-tasks',
  'my-tasks-overdue': 'overview.tile.my-tasks-overdue',
  'my-reviews-due': 'overview.tile.my-reviews-due',
};

const certificateLabels: Record<string, MessageKey> = {
  surveillance: 'overview.tile.certificate.surveillance',
  recertification: 'overview.tile.certificate.recertification',
  expiry: 'overview.tile.certificate.expiry',
  'no-certificate': 'overview.tile.certificate.none',
  'overdue-surveillance': 'overview.tile.certificate.overdue-surveillance',
  'overdue-recertification': 'overview.tile.certificate.overdue-recertification',
};

/** The figure shown large, and the words after it; together they are the link's name. */
export type TileText = { figure: string; label: string; note: string | null };

export function tileText(tile: OverviewTileDto, i18n: I18n): TileText | null {
  const { t, formatDate } = i18n;
  const counted = countLabels[tile.id];
  if (counted) return { figure: String(tile.count), label: t(counted, { count: tile.count }), note: null };
  if (tile.id === 'acknowledgements') {
    const total = tile.total ?? 0;
    const versions = tile.parts['versions'] ?? 0;
    if (total === 0) return { figure: '0', label: t('overview.tile.acknowledgements.none'), note: null };
    return {
      figure: `${Math.round((100 * tile.count) / total)} %`,
      label: t('overview.tile.acknowledgements', { count: tile.count, total }),
      note: t('overview.tile.acknowledgements.versions', { count: versions }),
    };
  }
  if (tile.id === 'audit-programme') {
    const year = tile.link.query['year'] ?? '';
    return {
      figure: `${tile.count}/${tile.total ?? 0}`,
      label: t('overview.tile.audit-programme', { year }),
      note: t('overview.tile.audit-programme.parts', {
        planned: tile.parts['planned'] ?? 0,
        inProgress: tile.parts['in-progress'] ?? 0,
      }),
    };
  }
  if (tile.id === 'survey-satisfaction') {
    const n = tile.total ?? 0;
    if (n === 0 || tile.detail === 'suppressed')
      return { figure: '–', label: t('overview.tile.survey-satisfaction.none'), note: null };
    const target = tile.parts['target'];
    return {
      figure: `${Math.round((100 * tile.count) / n)} %`,
      label: t('overview.tile.survey-satisfaction', { satisfied: tile.count, n, round: tile.detail ?? '' }),
      note: target === undefined ? null : t('overview.tile.survey-satisfaction.target', { target }),
    };
  }
  if (tile.id === 'register-open') {
    const part = (name: string) => tile.parts[name] ?? 0;
    return {
      figure: String(tile.count),
      label: t('overview.tile.register-open', { count: tile.count }),
      note: t('overview.tile.register-open.parts', {
        overdue: part('overdue'),
        praise: part('praise'),
        complaint: part('complaint'),
        suggestion: part('suggestion'),
        deviation: part('deviation'),
      }),
    };
  }
  if (tile.id === 'certificate') {
    const key = certificateLabels[tile.detail ?? ''] ?? 'overview.tile.certificate.none';
    // A cycle audit past its date without a reported audit: the same warning as the audit scene.
    const isOverdue = tile.detail?.startsWith('overdue-') ?? false;
    return {
      figure: tile.date ? formatDate(tile.date) : '–',
      label: t(key),
      note: isOverdue ? t('overview.tile.certificate.overdueNote') : null,
    };
  }
  return null;
}
