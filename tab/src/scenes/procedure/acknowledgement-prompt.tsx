import { Button, Link, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkRegular } from '@fluentui/react-icons';
import type { ApiRequestError } from '../../api/api-error';
import type { ProcedureDetail } from '../../api/contract';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../shared/error-alert';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground2,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteMarigoldBorderActive}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  meta: { margin: 0, color: tokens.colorNeutralForeground2 },
  summary: {
    margin: 0,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
  },
  prompt: { margin: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

/**
 * "Hvad er ændret": while the user owes a "læst og forstået" for the valid version, a box at the
 * top of the page with the version, the day it applies from, the change summary given with the
 * draft, and the button right there; a quiet receipt once acknowledged. Whoever was not asked
 * (outside the audience, or the version's author and approver: core/audience.ts) sees neither.
 */
export function AcknowledgementPrompt(props: {
  detail: ProcedureDetail;
  isBusy: boolean;
  error: ApiRequestError | undefined;
  onAcknowledge(): void;
  onRead(): void;
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
  const summary = version?.changeSummary?.trim();
  return (
    <section aria-labelledby="whats-changed-heading" className={styles.box} data-testid="whats-changed">
      <h2 id="whats-changed-heading" className={styles.heading}>
        {t('ack.whatsChanged')}
      </h2>
      <p className={styles.meta}>
        {version?.publishedAt
          ? t('ack.whatsChangedVersion', { label, date: formatInstant(version.publishedAt) })
          : t('ack.whatsChangedVersionUndated', { label })}
      </p>
      <p className={styles.summary}>{summary ? summary : t('ack.noSummary')}</p>
      <p className={styles.prompt}>{t('ack.prompt', { label })}</p>
      <div className={styles.row}>
        <Button
          appearance="primary"
          icon={<CheckmarkRegular aria-hidden />}
          disabled={props.isBusy}
          onClick={props.onAcknowledge}
        >
          {props.isBusy ? t('action.working') : t('ack.button')}
        </Button>
        <Link as="button" onClick={props.onRead}>
          {t('ack.readVersion', { label })}
        </Link>
      </div>
      {props.error ? <ErrorAlert error={props.error} onReload={props.onReload} /> : null}
    </section>
  );
}
