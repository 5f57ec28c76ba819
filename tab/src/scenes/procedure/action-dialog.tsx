import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { QueryKey } from '@tanstack/react-query';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { invalidate, useApiMutation } from '../../api/query-client';
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
 * page changes while it is open. Its write is a mutation: after it succeeds the reads in
 * `invalidates` are refetched; a failure stays visible (a stale one with a reload button, which
 * refetches the same reads) and the user's input is not lost.
 */
export function ActionDialog<Input extends FieldValues = FieldValues, Output = undefined>(props: {
  open: boolean;
  title: string;
  confirmLabel: string;
  wide?: boolean;
  /**
   * The dialog's fields (`useContractForm`): submitting validates them first; while a field is
   * invalid the dialog stays open and nothing is sent. Without a form `onSubmit` gets undefined.
   */
  form?: Pick<UseFormReturn<Input, unknown, Output>, 'handleSubmit' | 'clearErrors'>;
  onSubmit(values: Output): Promise<unknown>;
  onClose(): void;
  /** The reads the write changes: refetched after it succeeds, or by "reload" after a stale failure. */
  invalidates: QueryKey[];
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const titleId = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const write = useApiMutation({
    run: (submit: () => Promise<unknown>) => submit(),
    onSuccess: () => props.onClose(),
    invalidates: () => props.invalidates,
  });
  const isBusy = write.isPending;
  const error = write.error ?? undefined;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  }, [props.open]);

  const close = () => {
    if (isBusy) return;
    write.reset();
    props.form?.clearErrors();
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
          if (isBusy) return;
          const { form, onSubmit } = props;
          if (form) void form.handleSubmit((values) => write.mutate(() => onSubmit(values)))();
          else write.mutate(() => onSubmit(undefined as Output));
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
                write.reset();
                props.onClose();
                void invalidate(...props.invalidates);
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
