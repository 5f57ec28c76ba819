import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { EyeRegular } from '@fluentui/react-icons';
import type { ProcedureDetail, VersionDto } from '../../api/contract';
import { useI18n } from '../../i18n/i18n-context';
import { versionStanding } from './procedure-versions';
import { VersionStandingBadge } from './version-standing-badge';

const useStyles = makeStyles({
  wrapper: { overflowX: 'auto' },
  table: { minWidth: '60rem' },
  cell: { paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  viewing: { fontWeight: tokens.fontWeightSemibold },
  selectedRow: { backgroundColor: tokens.colorNeutralBackground1Selected },
});

/** Every version, each openable; the standing badge makes obsolete ones unmistakable. */
export function VersionsList(props: {
  detail: ProcedureDetail;
  versions: readonly VersionDto[];
  selectedId: string | null;
  onOpen(versionId: string): void;
}) {
  const { t, formatInstant } = useI18n();
  const styles = useStyles();
  return (
    <div className={styles.wrapper}>
      <Table size="small" className={styles.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: '11rem' }}>{t('version.label')}</TableHeaderCell>
            <TableHeaderCell style={{ width: '16rem' }}>{t('version.state')}</TableHeaderCell>
            <TableHeaderCell style={{ width: '10rem' }}>{t('version.author')}</TableHeaderCell>
            <TableHeaderCell style={{ width: '11rem' }}>{t('version.published')}</TableHeaderCell>
            <TableHeaderCell>{t('version.changeSummary')}</TableHeaderCell>
            <TableHeaderCell>{t('version.file')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.versions.map((version) => {
            const isSelected = version.id === props.selectedId;
            const label = version.label ?? t('version.unlabelled');
            return (
              <TableRow
                key={version.id}
                className={isSelected ? styles.selectedRow : undefined}
                aria-current={isSelected ? 'true' : undefined}
              >
                <TableCell>
                  {isSelected ? (
                    <span className={styles.viewing}>
                      {label} ({t('version.viewing')})
                    </span>
                  ) : (
                    <Button
                      appearance="transparent"
                      size="small"
                      icon={<EyeRegular aria-hidden />}
                      onClick={() => props.onOpen(version.id)}
                    >
                      {version.label ? t('version.open', { label: version.label }) : t('version.openDraft')}
                    </Button>
                  )}
                </TableCell>
                <TableCell className={styles.cell}>
                  <VersionStandingBadge standing={versionStanding(props.detail, version)} />
                </TableCell>
                <TableCell>{version.author.name}</TableCell>
                <TableCell>{version.publishedAt ? formatInstant(version.publishedAt) : '–'}</TableCell>
                <TableCell>
                  {version.changeSummary ?? '–'}
                  {version.kind ? ` (${t(`version.kind.${version.kind}`)})` : ''}
                </TableCell>
                <TableCell>{version.file.name}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
