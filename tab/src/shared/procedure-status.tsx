import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { ProcedureListItem } from '../api/contract';
import { useI18n } from '../i18n/i18n-context';

const useStyles = makeStyles({ root: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS } });

/** Publication status plus, for those who may see it, a pending revision. Words, not colours. */
export function ProcedureStatus(props: { item: Pick<ProcedureListItem, 'status' | 'revision'> }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <span className={styles.root}>
      <Badge appearance="tint" color={props.item.status === 'published' ? 'success' : 'subtle'} shape="rounded">
        {t(`status.${props.item.status}`)}
      </Badge>
      {props.item.revision !== 'none' ? (
        <Badge
          appearance="outline"
          color={props.item.revision === 'pending' ? 'warning' : 'informative'}
          shape="rounded"
        >
          {t(`revision.${props.item.revision}`)}
        </Badge>
      ) : null}
    </span>
  );
}
