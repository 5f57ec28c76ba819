import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, type ReactNode } from 'react';

const useStyles = makeStyles({
  dialog: {
    border: `1px solid ${tokens.colorTransparentStroke}`,
    borderRadius: tokens.borderRadiusXLarge,
    padding: tokens.spacingHorizontalXXL,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    boxShadow: tokens.shadow64,
    width: 'min(56rem, calc(100vw - 32px))',
    maxHeight: 'calc(100vh - 48px)',
    boxSizing: 'border-box',
    '::backdrop': { backgroundColor: 'rgba(0, 0, 0, 0.4)' },
    '@media (max-width: 480px)': { padding: tokens.spacingHorizontalM },
  },
  title: {
    margin: `0 0 ${tokens.spacingVerticalM}`,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
});

/**
 * A dialog on the native <dialog> (inert page, focus trap, Escape, focus back to the
 * opener), as the competence import does. Escape asks `onClose`, so state and dialog agree.
 */
export function ModalDialog(props: { open: boolean; title: string; onClose(): void; children: ReactNode }) {
  const styles = useStyles();
  const titleId = useId();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  }, [props.open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      className={styles.dialog}
      onCancel={(event) => {
        event.preventDefault();
        props.onClose();
      }}
    >
      <h2 id={titleId} className={styles.title}>
        {props.title}
      </h2>
      {props.open ? props.children : null}
    </dialog>
  );
}
