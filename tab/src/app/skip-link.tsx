import { makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n/i18n-context';

const useStyles = makeStyles({
  link: {
    position: 'absolute',
    left: tokens.spacingHorizontalM,
    top: '-100px',
    zIndex: 1000,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForegroundLink,
    border: `2px solid ${tokens.colorStrokeFocus2}`,
    borderRadius: tokens.borderRadiusMedium,
    ':focus': { top: tokens.spacingVerticalS },
  },
});

/** First focusable element: lets keyboard users jump past the header. */
export function SkipLink(props: { targetId: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <a
      className={styles.link}
      href={`#${props.targetId}`}
      onClick={(event) => {
        event.preventDefault();
        document.getElementById(props.targetId)?.focus();
      }}
    >
      {t('app.skipToContent')}
    </a>
  );
}
