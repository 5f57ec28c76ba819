import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ApiRequestError } from '../api/api-error';
import { useI18n, type I18n } from '../i18n/i18n-context';
import { errorMessageFor } from './error-text';

/**
 * The user's words for an API error, from its code and details. The server's English message is
 * for logs and API clients: it is never shown.
 */
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
  const { key, values } = errorMessageFor(error);
  return i18n.t(key, values);
}

/** The fields a VALIDATION error names, each in one translated line (the reasons are English). */
function validationLines(error: ApiRequestError, i18n: I18n): string[] {
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
    return path ? [i18n.t('error.VALIDATION.field', { field: path })] : [];
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
  const { error } = props;
  const lines = [...new Set(validationLines(error, i18n))];
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
