import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkRegular } from '@fluentui/react-icons';
import type { ApiRequestError } from '../../api/api-error';
import type { ProcedureDetail } from '../../api/contract';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../shared/error-alert';

const useStyles = makeStyles({ root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS } });

/**
 * "Læst og forstået": prominent while the user owes a confirmation for the valid version; a quiet
 * receipt afterwards.
 */
export function AcknowledgementPrompt(props: {
  detail: ProcedureDetail;
  isBusy: boolean;
  error: ApiRequestError | undefined;
  onAcknowledge(): void;
  onReload(): void;
}) {
  const { t, formatInstant } = useI18n();
  const styles = useStyles();
  const ack = props.detail.myAcknowledgement;
  if (!ack?.requested) return null;
  const version = props.detail.versions.find((v) => v.id === ack.versionId) ?? props.detail.currentVersion;
  const label = version?.label ?? '';
  if (ack.acknowledgedAt) {
    return (
      <MessageBar intent="success">
        <MessageBarBody>{t('ack.done', { date: formatInstant(ack.acknowledgedAt), label })}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!props.detail.abilities.acknowledge) return null;
  return (
    <section aria-labelledby="ack-heading" className={styles.root}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>
            <span id="ack-heading">{t('ack.title')}</span>
          </MessageBarTitle>
          {t('ack.prompt', { label })}
        </MessageBarBody>
        <MessageBarActions>
          <Button
            appearance="primary"
            icon={<CheckmarkRegular aria-hidden />}
            disabled={props.isBusy}
            onClick={props.onAcknowledge}
          >
            {props.isBusy ? t('action.working') : t('ack.button')}
          </Button>
        </MessageBarActions>
      </MessageBar>
      {props.error ? <ErrorAlert error={props.error} onReload={props.onReload} /> : null}
    </section>
  );
}
