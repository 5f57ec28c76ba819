import { Button } from '@fluentui/react-components';
import { AddRegular, DataBarVerticalRegular } from '@fluentui/react-icons';
import { registerKinds, registerStatuses } from '../../../../functions/src/core/register-types';
import { queryKeyOf, useApiQuery } from '../../api/query-client';
import type { RegisterListQuery, RegisterRowDto } from '../../api/register-api';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import { AppLink } from '../../router/app-link';
import { useNavigate } from '../../router/navigation';
import { paths } from '../../router/routes';
import type { Session } from '../../session/session-context';
import { ErrorAlert } from '../../shared/error-alert';
import { Loading } from '../../shared/loading';
import { OptionDropdown } from '../../shared/option-dropdown';
import { PageHeading } from '../../shared/page-heading';
import { kindKey, riskKey, statusKey } from './register-labels';
import { useRegisterStyles } from './register-styles';

const views = ['to-handle', 'reported-by-me', 'all'] as const;
type View = (typeof views)[number];

/**
 * The register: what I handle (the default; the coordinator: everything open), what I reported,
 * or everything I may see; filtered by kind, status and unit (all in the URL, so the overview's
 * tiles and the back button keep them). Audit findings show as rows linked to their audit.
 */
export function RegisterScene(props: { session: Session; query: URLSearchParams }) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useRegisterStyles();
  const navigate = useNavigate();
  const view: View = views.includes(props.query.get('view') as View) ? (props.query.get('view') as View) : 'to-handle';
  const kind = registerKinds.find((candidate) => candidate === props.query.get('kind'));
  const status = registerStatuses.find((candidate) => candidate === props.query.get('status'));
  const unitId = props.query.get('unit') || undefined;
  const query: RegisterListQuery = { view, kind, status, unitId };
  const list = useApiQuery(queryKeyOf('register-list', { query }), (signal) => api.listRegister(query, signal));
  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(props.query);
    if (value) next.set(name, value);
    else next.delete(name);
    navigate(paths.register(next), { replace: true, keepFocus: true });
  };
  const rows = list.data?.rows ?? [];
  const any = { value: '', text: t('register.filter.any') };

  return (
    <>
      <PageHeading documentTitle={t('register.title')}>{t('register.title')}</PageHeading>
      <div className={styles.toolbar}>
        <Button appearance="primary" icon={<AddRegular aria-hidden />} onClick={() => navigate(paths.reportNew())}>
          {t('register.report')}
        </Button>
        {list.data?.abilities.readStatistics ? (
          <Button icon={<DataBarVerticalRegular aria-hidden />} onClick={() => navigate(paths.registerStatistics())}>
            {t('register.statistics')}
          </Button>
        ) : null}
      </div>
      <div className={styles.toolbar} role="group" aria-label={t('register.view.label')}>
        <OptionDropdown
          label={t('register.view.label')}
          fieldClassName={styles.filter}
          options={views.map((value) => ({ value, text: t(`register.view.${value}`) }))}
          value={view}
          onChange={(value) => setFilter('view', value === 'to-handle' ? '' : value)}
        />
        <OptionDropdown
          label={t('register.filter.kind')}
          fieldClassName={styles.filter}
          options={[any, ...registerKinds.map((value) => ({ value, text: t(kindKey[value]) }))]}
          value={kind ?? ''}
          onChange={(value) => setFilter('kind', value)}
        />
        <OptionDropdown
          label={t('register.filter.status')}
          fieldClassName={styles.filter}
          options={[any, ...registerStatuses.map((value) => ({ value, text: t(statusKey[value]) }))]}
          value={status ?? ''}
          onChange={(value) => setFilter('status', value)}
        />
        <OptionDropdown
          label={t('register.filter.unit')}
          fieldClassName={styles.filter}
          options={[any, ...props.session.units.map((unit) => ({ value: unit.id, text: unit.name }))]}
          value={unitId ?? ''}
          onChange={(value) => setFilter('unit', value)}
        />
      </div>
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      {!list.data && list.isLoading ? <Loading label={t('app.loading')} /> : null}
      {list.data ? (
        <>
          <p role="status">{t('register.count', { count: rows.length })}</p>
          {rows.length === 0 ? (
            <p>{t('register.empty')}</p>
          ) : (
            <div className={styles.tableWrap}>
              <table className={styles.table} data-testid="register-list">
                <thead>
                  <tr>
                    <th className={styles.cell}>{t('register.column.title')}</th>
                    <th className={styles.cell}>{t('register.column.kind')}</th>
                    <th className={styles.cell}>{t('register.column.status')}</th>
                    <th className={styles.cell}>{t('register.column.unit')}</th>
                    <th className={styles.cell}>{t('register.column.handler')}</th>
                    <th className={styles.cell}>{t('register.column.risk')}</th>
                    <th className={styles.cell}>{t('register.column.received')}</th>
                    <th className={styles.cell}>{t('register.column.replyDue')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <RegisterRow key={rowKey(row)} row={row} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </>
  );
}

/** One row; an item opens in the register, an audit finding at its audit. */
function RegisterRow(props: { row: RegisterRowDto }) {
  const { t, formatDate } = useI18n();
  const styles = useRegisterStyles();
  const { row } = props;
  const href =
    row.source.kind === 'item' ? paths.registerItem(row.source.itemId) : paths.auditDetail(row.source.auditId);
  return (
    <tr>
      <td className={styles.cell}>
        <AppLink href={href}>{row.title}</AppLink>
        <br />
        <span className={styles.muted}>{row.receiptNumber ?? t('register.finding')}</span>
      </td>
      <td className={styles.cell}>{t(kindKey[row.kind])}</td>
      <td className={styles.cell}>{t(statusKey[row.status])}</td>
      <td className={styles.cell}>{row.unit?.name ?? t('register.none')}</td>
      <td className={styles.cell}>{row.handler?.name ?? t('register.none')}</td>
      <td className={styles.cell}>
        {row.riskScore !== null && row.riskBand
          ? t('register.riskValue', { score: row.riskScore, band: t(riskKey[row.riskBand]) })
          : t('register.none')}
      </td>
      <td className={`${styles.cell} ${styles.nowrap}`}>{formatDate(row.receivedOn)}</td>
      <td className={`${styles.cell} ${styles.nowrap}`}>
        {row.replyDueOn ? (
          <span className={row.isReplyOverdue ? styles.overdue : undefined}>
            {formatDate(row.replyDueOn)}
            {row.isReplyOverdue ? ` (${t('register.overdue')})` : ''}
          </span>
        ) : (
          t('register.none')
        )}
      </td>
    </tr>
  );
}

function rowKey(row: RegisterRowDto): string {
  return row.source.kind === 'item' ? `item:${row.source.itemId}` : `finding:${row.source.findingId}`;
}
