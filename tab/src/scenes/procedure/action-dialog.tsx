import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { asApiRequestError, type ApiRequestError } from '../../api/api-error';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../shared/error-alert';

const useStyles = makeStyles({
  dialog: {
    border: `1px solid ${tokens.colorTransparentStroke}`,
    borderRadius: tokens.borderRadiusXLarge,
    padding: tokens.spacingHorizontalXXL,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    boxShadow: tokens.shadow64,
    width: 'min(36rem, calc(100vw - 32px))',
    maxHeight: 'calc(100vh - 48px)',
    boxSizing: 'border-box',
    '::backdrop': { backgroundColor: 'rgba(0, 0, 0, 0.4)' },
  },
  wide: { width: 'min(56rem, calc(100vw - 32px))' },
  title: {
    margin: `0 0 ${tokens.spacingVerticalM}`,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: {
    display: 'flex',
    justifyContent: 'flex-end',
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalXL,
  },
});

/**
 * A modal around one write, on the native <dialog>: the browser makes the page behind it inert,
 * traps focus, closes on Escape and returns focus to the opener, with nothing left behind if the
 * page changes while it is open. It keeps its own busy and error state: a failure stays visible
 * (a stale one with a reload button) and the user's input is not lost.
 */
export function ActionDialog(props: {
  open: boolean;
  title: string;
  confirmLabel: string;
  wide?: boolean;
  /** Returns false when the form is invalid (the dialog stays open, nothing is sent). */
  validate?: () => boolean;
  onSubmit(): Promise<void>;
  onClose(): void;
  onReload(): void;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const titleId = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<ApiRequestError | undefined>(undefined);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  }, [props.open]);

  const close = () => {
    if (isBusy) return;
    setError(undefined);
    props.onClose();
  };

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      className={`${styles.dialog} ${props.wide ? styles.wide : ''}`}
      onCancel={(event) => {
        // Escape: let React state decide, so the dialog and the state never disagree.
        event.preventDefault();
        close();
      }}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (isBusy || (props.validate && !props.validate())) return;
          setIsBusy(true);
          setError(undefined);
          props.onSubmit().then(
            () => {
              setIsBusy(false);
              props.onClose();
            },
            (failure: unknown) => {
              setIsBusy(false);
              setError(asApiRequestError(failure));
            },
          );
        }}
      >
        <h2 id={titleId} className={styles.title}>
          {props.title}
        </h2>
        <div className={styles.content}>
          {props.children}
          {error ? (
            <ErrorAlert
              error={error}
              onReload={() => {
                setError(undefined);
                props.onClose();
                props.onReload();
              }}
            />
          ) : null}
        </div>
        <div className={styles.actions}>
          <Button type="button" appearance="secondary" onClick={close} disabled={isBusy}>
            {t('action.cancel')}
          </Button>
          <Button type="submit" appearance="primary" disabled={isBusy}>
            {isBusy ? t('action.working') : props.confirmLabel}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
