import { makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../../i18n/i18n-context';
import { demoteHeadings } from './procedure-versions';
import type { RenderedDocument } from './use-procedure';

const useStyles = makeStyles({
  page: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    '@media (max-width: 640px)': { padding: tokens.spacingHorizontalM },
  },
  reading: {
    maxWidth: '75ch',
    fontSize: tokens.fontSizeBase400,
    lineHeight: '1.6',
    color: tokens.colorNeutralForeground1,
    overflowWrap: 'anywhere',
    '& h3': {
      fontSize: tokens.fontSizeBase600,
      lineHeight: tokens.lineHeightBase600,
      margin: `${tokens.spacingVerticalL} 0 ${tokens.spacingVerticalS}`,
    },
    '& h4': { fontSize: tokens.fontSizeBase500, margin: `${tokens.spacingVerticalL} 0 ${tokens.spacingVerticalS}` },
    '& h5, & h6': {
      fontSize: tokens.fontSizeBase400,
      margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}`,
    },
    '& table': {
      borderCollapse: 'collapse',
      margin: `${tokens.spacingVerticalM} 0`,
      display: 'block',
      overflowX: 'auto',
    },
    '& th, & td': {
      border: `1px solid ${tokens.colorNeutralStroke1}`,
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
      textAlign: 'left',
    },
    '& th': { backgroundColor: tokens.colorNeutralBackground3 },
    '& a': { color: tokens.colorBrandForegroundLink },
    '& img': { maxWidth: '100%', height: 'auto' },
    '& blockquote': {
      borderLeft: `4px solid ${tokens.colorNeutralStroke1}`,
      margin: 0,
      paddingLeft: tokens.spacingHorizontalM,
    },
    '& code': { fontFamily: tokens.fontFamilyMonospace },
  },
  pdf: {
    width: '100%',
    height: '80vh',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

/**
 * The document in the page. Word and Markdown arrive as HTML that the server has sanitised; that
 * is the only HTML the tab ever injects. A PDF is embedded from a blob URL.
 */
export function DocumentView(props: { document: RenderedDocument; title: string; versionLabel: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  const { rendered, pdfUrl } = props.document;
  if (pdfUrl) {
    return (
      <div data-testid="document-view">
        <iframe
          className={styles.pdf}
          src={pdfUrl}
          title={t('procedure.pdfTitle', { title: props.title, label: props.versionLabel })}
        />
      </div>
    );
  }
  return (
    <div data-testid="document-view" className={styles.page}>
      <div className={styles.reading} dangerouslySetInnerHTML={{ __html: demoteHeadings(rendered.html) }} />
    </div>
  );
}
