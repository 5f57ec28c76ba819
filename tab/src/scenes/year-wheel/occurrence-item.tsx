import { Button, makeStyles, tokens } from '@fluentui/react-components';
import {
  CalendarRegular,
  CertificateRegular,
  CheckmarkCircleRegular,
  ClipboardTaskListLtrRegular,
  ClockRegular,
  MegaphoneRegular,
  PeopleTeamRegular,
  PollRegular,
  ShieldCheckmarkRegular,
  TargetArrowRegular,
  WarningFilled,
} from '@fluentui/react-icons';
import type { ComponentType } from 'react';
import type { OccurrenceDto, OccurrenceKind } from '../../api/contract';
import { formatDate } from '../../../../functions/src/i18n/format-date';
import { useI18n } from '../../i18n/i18n-context';
import { AppLink } from '../../router/app-link';
import { kindKey, sourceLink } from './year-wheel-model';

const kindIcons: Record<OccurrenceKind, ComponentType<{ 'aria-hidden'?: boolean; className?: string }>> = {
  'internal-audit': ClipboardTaskListLtrRegular,
  'surveillance-audit': ShieldCheckmarkRegular,
  'recertification-audit': CertificateRegular,
  'management-evaluation': PeopleTeamRegular,
  'goal-revision': TargetArrowRegular,
  'satisfaction-survey': PollRegular,
  'yearly-publication': MegaphoneRegular,
  other: CalendarRegular,
};

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  kind: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, fontSize: tokens.fontSizeBase200 },
  title: { fontWeight: tokens.fontWeightSemibold, margin: 0, fontSize: tokens.fontSizeBase300 },
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  fact: { display: 'flex', gap: tokens.spacingHorizontalXS },
  term: { color: tokens.colorNeutralForeground3 },
  definition: { margin: 0 },
  status: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  note: { margin: 0, color: tokens.colorNeutralForeground2, whiteSpace: 'pre-wrap' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** One activity: kind (icon and words), title, date, owner, status in words, and what the reader may do. */
export function OccurrenceItem(props: {
  occurrence: OccurrenceDto;
  isBusy: boolean;
  onToggleDone(occurrence: OccurrenceDto): void;
  onEdit(occurrence: OccurrenceDto): void;
  onRemove(occurrence: OccurrenceDto): void;
}) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const { occurrence } = props;
  const Icon = kindIcons[occurrence.kind];
  const link = sourceLink(occurrence);
  const statusText =
    occurrence.status === 'done'
      ? t('yearWheel.status.done', { date: formatDate(occurrence.completedOn ?? occurrence.dueOn, locale) })
      : t(`yearWheel.status.${occurrence.status}`);
  const StatusIcon =
    occurrence.status === 'done'
      ? CheckmarkCircleRegular
      : occurrence.status === 'overdue'
        ? WarningFilled
        : ClockRegular;
  const { abilities } = occurrence;
  return (
    <li className={styles.item} data-occurrence-id={occurrence.id}>
      <span className={styles.kind}>
        <Icon aria-hidden />
        {t(kindKey(occurrence.kind))}
      </span>
      <h3 className={styles.title}>
        {link ? <AppLink href={link.href}>{occurrence.title}</AppLink> : occurrence.title}
      </h3>
      <dl className={styles.facts}>
        <div className={styles.fact}>
          <dt className={styles.term}>{t('yearWheel.date')}:</dt>
          <dd className={styles.definition}>{formatDate(occurrence.dueOn, locale)}</dd>
        </div>
        <div className={styles.fact}>
          <dt className={styles.term}>{t('yearWheel.owner')}:</dt>
          <dd className={styles.definition}>{occurrence.owner.name}</dd>
        </div>
        <div className={styles.fact}>
          <dt className={styles.term}>{t('yearWheel.status')}:</dt>
          <dd className={styles.definition}>
            <span className={occurrence.status === 'overdue' ? `${styles.status} ${styles.overdue}` : styles.status}>
              <StatusIcon aria-hidden />
              {statusText}
            </span>
          </dd>
        </div>
      </dl>
      {occurrence.origin.kind === 'manual' || occurrence.isEdited ? (
        <p className={styles.note}>
          {occurrence.origin.kind === 'manual' ? t('yearWheel.manual') : t('yearWheel.edited')}
        </p>
      ) : null}
      {occurrence.note ? <p className={styles.note}>{occurrence.note}</p> : null}
      {abilities.complete || abilities.edit || abilities.delete || link ? (
        <div className={styles.actions}>
          {abilities.complete ? (
            <Button size="small" disabled={props.isBusy} onClick={() => props.onToggleDone(occurrence)}>
              {occurrence.completedOn ? t('yearWheel.markUndone') : t('yearWheel.markDone')}
            </Button>
          ) : null}
          {abilities.edit ? (
            <Button
              size="small"
              disabled={props.isBusy}
              aria-label={t('yearWheel.editFor', { title: occurrence.title })}
              onClick={() => props.onEdit(occurrence)}
            >
              {t('yearWheel.edit')}
            </Button>
          ) : null}
          {abilities.delete ? (
            <Button
              size="small"
              disabled={props.isBusy}
              aria-label={t('yearWheel.removeFor', { title: occurrence.title })}
              onClick={() => props.onRemove(occurrence)}
            >
              {t('yearWheel.remove')}
            </Button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
