import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ProcedureListItem, ProcedureSortKey } from '../../api/contract';
import type { MessageKey } from '../../i18n/messages';
import { useI18n } from '../../i18n/i18n-context';
import { AppLink } from '../../router/app-link';
import { paths } from '../../router/routes';
import { ReviewStatusText } from '../../shared/review-status-text';
import { useVisuallyHiddenStyles } from '../../shared/visually-hidden';
import { ProcedureStatus } from '../../shared/procedure-status';

const useStyles = makeStyles({
  wrapper: { overflowX: 'auto' },
  table: { minWidth: '52rem', tableLayout: 'auto' },
  code: { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  muted: { color: tokens.colorNeutralForeground2 },
});

type Column = { key: string; label: MessageKey; sortKey: ProcedureSortKey | null; width: string };

const columns: readonly Column[] = [
  { key: 'code', label: 'column.code', sortKey: 'code', width: '7rem' },
  { key: 'title', label: 'column.title', sortKey: 'title', width: 'auto' },
  { key: 'status', label: 'column.status', sortKey: null, width: '10rem' },
  { key: 'owner', label: 'column.owner', sortKey: 'owner', width: '10rem' },
  { key: 'version', label: 'column.version', sortKey: null, width: '6rem' },
  { key: 'nextReview', label: 'column.nextReview', sortKey: 'nextReview', width: '11rem' },
];

const sortLabels: Record<ProcedureSortKey, MessageKey> = {
  code: 'column.code',
  title: 'column.title',
  owner: 'column.owner',
  nextReview: 'column.nextReview',
  updated: 'column.updated',
  level: 'column.level',
};

/** Sorting happens on the server; the headers report it with aria-sort. */
export function ProcedureTable(props: {
  items: readonly ProcedureListItem[];
  sort: ProcedureSortKey;
  order: 'asc' | 'desc';
  onSort(key: ProcedureSortKey): void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const hidden = useVisuallyHiddenStyles();
  return (
    <div className={styles.wrapper}>
      <Table className={styles.table} size="small">
        <caption className={hidden.hidden}>{t('handbook.tableCaption', { column: t(sortLabels[props.sort]) })}</caption>
        {/* Fluent's fixed table layout takes column widths from <col>, not from the header cells. */}
        <colgroup>
          {columns.map((column) => (
            <col key={column.key} style={{ width: column.width }} />
          ))}
        </colgroup>
        <TableHeader>
          <TableRow>
            {columns.map((column) => {
              const { sortKey } = column;
              if (!sortKey)
                return (
                  <TableHeaderCell key={column.key} style={{ width: column.width }}>
                    {t(column.label)}
                  </TableHeaderCell>
                );
              const direction =
                props.sort === sortKey ? (props.order === 'asc' ? 'ascending' : 'descending') : undefined;
              return (
                <TableHeaderCell
                  key={column.key}
                  style={{ width: column.width }}
                  sortable
                  sortDirection={direction}
                  button={{ onClick: () => props.onSort(sortKey) }}
                >
                  {t(column.label)}
                </TableHeaderCell>
              );
            })}
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.items.map((item) => (
            <TableRow key={item.id}>
              <TableCell className={styles.code}>{item.code}</TableCell>
              <TableCell>
                <AppLink href={paths.procedure(item.id)}>{item.title}</AppLink>
              </TableCell>
              <TableCell>
                <ProcedureStatus item={item} />
              </TableCell>
              <TableCell>{item.owner.name}</TableCell>
              <TableCell>{item.version ?? <span className={styles.muted}>{t('handbook.noVersion')}</span>}</TableCell>
              <TableCell>
                <ReviewStatusText nextReviewOn={item.nextReviewOn} status={item.reviewStatus} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
