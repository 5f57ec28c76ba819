import { Dropdown, Field, Option, makeStyles, type DropdownProps } from '@fluentui/react-components';

export type DropdownOption = { value: string; text: string };

const useStyles = makeStyles({
  field: { minWidth: 0 },
  // Fluent's default min-width (250 px) would overflow a 320 px screen; the listbox may be wider
  // than the button so no option is ever cut ("Niveau 0 – ingen").
  dropdown: { minWidth: 0, maxWidth: '100%' },
  listbox: { minWidth: 'max-content', maxWidth: 'calc(100vw - 16px)' },
});

// Fluent options need a non-empty value; "" (e.g. "Alle enheder") travels as this key instead.
const emptyKey = '\u0000';
const toKey = (value: string) => (value === '' ? emptyKey : value);
const fromKey = (key: string) => (key === emptyKey ? '' : key);

/**
 * The one single-choice list of the tab: Fluent's Dropdown, with a visible label (a Field) or,
 * in a compact editor, only an accessible name. Values are strings; "" is a valid choice.
 */
export function OptionDropdown(
  props: {
    options: readonly DropdownOption[];
    value: string;
    onChange(value: string): void;
    label?: string;
    hint?: string;
    disabled?: boolean;
    autoFocus?: boolean;
    className?: string;
    'aria-label'?: string;
  } & Pick<DropdownProps, 'onKeyDown' | 'size' | 'appearance' | 'inlinePopup'>,
) {
  const styles = useStyles();
  const selected = props.options.find((option) => option.value === props.value);
  const dropdown = (
    <Dropdown
      className={`${styles.dropdown} ${props.className ?? ''}`}
      listbox={{ className: styles.listbox }}
      // Not clearable: without this Fluent renders a hidden button named "Clear selection" in English.
      clearButton={null}
      value={selected?.text ?? ''}
      selectedOptions={selected ? [toKey(selected.value)] : []}
      onOptionSelect={(_, data) => {
        if (data.optionValue !== undefined) props.onChange(fromKey(data.optionValue));
      }}
      disabled={props.disabled ?? false}
      autoFocus={props.autoFocus ?? false}
      {...(props['aria-label'] ? { 'aria-label': props['aria-label'] } : {})}
      {...(props.onKeyDown ? { onKeyDown: props.onKeyDown } : {})}
      {...(props.size ? { size: props.size } : {})}
      {...(props.appearance ? { appearance: props.appearance } : {})}
      // In a modal <dialog> the list must open inside it: a portal would sit under the top layer.
      {...(props.inlinePopup ? { inlinePopup: true } : {})}
    >
      {props.options.map((option) => (
        <Option key={toKey(option.value)} value={toKey(option.value)} text={option.text}>
          {option.text}
        </Option>
      ))}
    </Dropdown>
  );
  if (props.label === undefined) return dropdown;
  return (
    <Field className={styles.field} label={props.label} {...(props.hint ? { hint: props.hint } : {})}>
      {dropdown}
    </Field>
  );
}
