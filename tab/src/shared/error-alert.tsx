import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
} from '@fluentui/react-components';
import type { ApiRequestError } from '../api/api-error';
import { useI18n, type I18n } from '../i18n/i18n-context';

const useStyles = makeStyles({
  detail: { display: 'block' },
});

/** The user's words for an API error; the server's own message is shown separately as detail. */
export function describeError(error: ApiRequestError, i18n: I18n): string {
  if (error.isStale) {
    const name = error.details['changedBy'];
    const at = error.details['changedAt'];
    if (typeof name === 'string' && typeof at === 'string') {
      return i18n.t('error.stale', { name, time: i18n.formatInstant(at) });
    }
    return i18n.t('error.staleUnknown');
  }
  const limit = error.details['limit'];
  if (error.code === 'PAYLOAD_TOO_LARGE' && typeof limit === 'number') {
    // An import's row and column limits, not the upload size the generic text names.
    if (error.details['reason'] === 'too-many-rows') return i18n.t('import.tooManyRows', { limit });
    if (error.details['reason'] === 'too-many-columns') return i18n.t('import.tooManyColumns', { limit });
  }
  return i18n.t(`error.${error.code}`);
}

/** Field-level messages from a VALIDATION error, when the server lists them. */
function validationLines(error: ApiRequestError): string[] {
  const issues = error.details['issues'] ?? error.details['fields'];
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((issue: unknown) => {
    if (!issue || typeof issue !== 'object') return [];
    const record = issue as { path?: unknown; message?: unknown };
    const path = Array.isArray(record.path)
      ? record.path.join('.')
      : typeof record.path === 'string'
        ? record.path
        : '';
    const message = typeof record.message === 'string' ? record.message : '';
    return message ? [path ? `${path}: ${message}` : message] : [];
  });
}

/**
 * An error announced to assistive technology (role=alert). A stale write offers a reload, since
 * trying again without fresh data would fail the same way.
 */
export function ErrorAlert(props: {
  error: ApiRequestError;
  onReload?: (() => void) | undefined;
  onRetry?: (() => void) | undefined;
}) {
  const i18n = useI18n();
  const styles = useStyles();
  const { error } = props;
  const lines = validationLines(error);
  const showReload =
    props.onReload && (error.isStale || error.code === 'PRECONDITION_REQUIRED' || error.code === 'ALREADY_DECIDED');
  return (
    <div role="alert">
      <MessageBar intent="error" layout="multiline" politeness="assertive">
        <MessageBarBody>
          <MessageBarTitle>{describeError(error, i18n)}</MessageBarTitle>
          {lines.length > 0 ? (
            <ul>
              {lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : null}
          {error.message ? (
            <Text size={200} className={styles.detail}>
              {i18n.t('error.serverSaid', { message: error.message })}
            </Text>
          ) : null}
        </MessageBarBody>
        {showReload || props.onRetry ? (
          <MessageBarActions>
            {showReload ? <Button onClick={props.onReload}>{i18n.t('action.reload')}</Button> : null}
            {props.onRetry ? <Button onClick={props.onRetry}>{i18n.t('app.retry')}</Button> : null}
          </MessageBarActions>
        ) : null}
      </MessageBar>
    </div>
  );
}
