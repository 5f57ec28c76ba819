import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useSyncExternalStore } from 'react';
import type { OptionDropdownProps } from './option-dropdown';

// Fluent's Field and Dropdown (with its listbox and positioning) are their own chunk: the header
// and the handbook, which must show fast, do not wait for them.
const OptionDropdown = lazy(() => import('./option-dropdown').then((m) => ({ default: m.OptionDropdown })));

// The placeholder copies Fluent's vertical Field and Dropdown metrics, so nothing moves when the
// real control arrives.
const useStyles = makeStyles({
  field: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  label: {
    padding: `${tokens.spacingVerticalXXS} 0`,
    marginBottom: tokens.spacingVerticalXXS,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
  },
  box: {
    display: 'flex',
    alignItems: 'center',
    boxSizing: 'border-box',
    maxWidth: '100%',
    minHeight: '32px',
    padding: `0 ${tokens.spacingHorizontalXXXL} 0 ${tokens.spacingHorizontalMNudge}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
  },
  hint: {
    marginTop: tokens.spacingVerticalXXS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground3,
  },
  smallText: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  smallBox: { minHeight: '24px', padding: `0 ${tokens.spacingHorizontalXXL} 0 ${tokens.spacingHorizontalSNudge}` },
});

function Placeholder(props: OptionDropdownProps) {
  const styles = useStyles();
  const isSmall = props.size === 'small';
  const box = (
    <span
      aria-hidden={props.label === undefined ? true : undefined}
      className={mergeClasses(styles.box, isSmall && styles.smallText, isSmall && styles.smallBox, props.className)}
    >
      {props.options.find((option) => option.value === props.value)?.text ?? props.placeholder ?? ''}
    </span>
  );
  if (props.label === undefined) return box;
  return (
    <span aria-hidden className={mergeClasses(styles.field, props.fieldClassName)}>
      <span className={mergeClasses(styles.label, isSmall && styles.smallText)}>{props.label}</span>
      {box}
      {props.hint ? <span className={styles.hint}>{props.hint}</span> : null}
    </span>
  );
}

// The chunk is fetched once the page has settled (the browser is idle, at most a second after
// the first dropdown renders), so it never competes with the scene's own code and data.
let isIdle = false;
let idleListeners: (() => void)[] | null = null;
function subscribeToIdle(listener: () => void): () => void {
  if (isIdle) return () => undefined;
  if (!idleListeners) {
    idleListeners = [];
    const settle = () => {
      isIdle = true;
      for (const notify of idleListeners ?? []) notify();
    };
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(settle, { timeout: 1000 });
    else window.setTimeout(settle, 200);
  }
  idleListeners.push(listener);
  return () => {
    idleListeners = idleListeners?.filter((candidate) => candidate !== listener) ?? null;
  };
}

/**
 * OptionDropdown, loaded when the page has settled, behind a placeholder of its size showing the
 * current choice.
 */
export function LazyOptionDropdown(props: OptionDropdownProps) {
  const isReady = useSyncExternalStore(subscribeToIdle, () => isIdle);
  if (!isReady) return <Placeholder {...props} />;
  return (
    <Suspense fallback={<Placeholder {...props} />}>
      <OptionDropdown {...props} />
    </Suspense>
  );
}
