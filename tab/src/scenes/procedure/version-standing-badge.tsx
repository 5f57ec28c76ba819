import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, DismissCircleFilled, EditFilled } from '@fluentui/react-icons';
import { useI18n } from '../../i18n/i18n-context';
import type { VersionStanding } from './procedure-versions';

export function useStandingText(standing: VersionStanding): string {
  const { t } = useI18n();
  switch (standing.kind) {
    case 'current':
      return t('version.current', { label: standing.label });
    case 'obsolete':
      return standing.replacedBy
        ? t('version.obsolete', { label: standing.replacedBy })
        : t('version.obsoleteNoSuccessor');
    case 'draft':
      return t('version.draft');
    case 'pending':
      return t('version.pending');
  }
}

const useStyles = makeStyles({
  // Long Danish and Norwegian texts must wrap rather than be cut off by the badge's fixed height.
  badge: {
    height: 'auto',
    minHeight: '24px',
    whiteSpace: 'normal',
    textAlign: 'left',
    paddingTop: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXXS,
    lineHeight: tokens.lineHeightBase200,
  },
});

/** The version's standing as icon + words in a badge, for the versions list. */
export function VersionStandingBadge(props: { standing: VersionStanding }) {
  const styles = useStyles();
  const text = useStandingText(props.standing);
  const { kind } = props.standing;
  const color = kind === 'current' ? 'success' : kind === 'obsolete' ? 'danger' : 'warning';
  const icon =
    kind === 'current' ? (
      <CheckmarkCircleFilled aria-hidden />
    ) : kind === 'obsolete' ? (
      <DismissCircleFilled aria-hidden />
    ) : (
      <EditFilled aria-hidden />
    );
  return (
    <Badge
      className={styles.badge}
      appearance={kind === 'current' ? 'filled' : 'tint'}
      color={color}
      shape="rounded"
      icon={icon}
      size="large"
    >
      {text}
    </Badge>
  );
}
