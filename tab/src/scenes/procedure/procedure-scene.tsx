import { makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../../i18n/i18n-context';
import type { Session } from '../../session/session-context';
import { ErrorAlert } from '../../shared/error-alert';
import { Loading } from '../../shared/loading';
import { PageHeading } from '../../shared/page-heading';
import { ProcedurePage } from './procedure-page';
import { procedureChanged } from '../../api/query-client';
import { useProcedure } from './use-procedure';

const useStyles = makeStyles({ root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

/** Loads the procedure; the page itself only renders once there is something to show. */
export function ProcedureScene(props: { session: Session; procedureId: string; query: URLSearchParams }) {
  const { t } = useI18n();
  const styles = useStyles();
  const procedure = useProcedure(props.procedureId);
  const detail = procedure.data?.id === props.procedureId ? procedure.data : undefined;

  if (!detail) {
    return (
      <div className={styles.root}>
        {procedure.error ? (
          <>
            <PageHeading documentTitle={t('error.title')}>{t('error.title')}</PageHeading>
            <ErrorAlert error={procedure.error} onRetry={procedure.reload} />
          </>
        ) : (
          <Loading label={t('procedure.loading')} />
        )}
      </div>
    );
  }
  return (
    <ProcedurePage
      detail={detail}
      isRefreshing={procedure.isLoading}
      onDetail={procedureChanged}
      session={props.session}
      query={props.query}
    />
  );
}
