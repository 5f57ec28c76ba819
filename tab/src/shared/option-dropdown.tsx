import { Dropdown, Field, Option, makeStyles, mergeClasses, type DropdownProps } from '@fluentui/react-components';

/** `lang` marks an option in another language than the page (a language's own name). */
export type DropdownOption = { value: string; text: string; lang?: string };

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
export type OptionDropdownProps = {
  options: readonly DropdownOption[];
  value: string;
  onChange(value: string): void;
  label?: string;
  hint?: string;
  required?: boolean;
  /** A problem to show under the labelled dropdown (in the UI language). */
  validationMessage?: string | undefined;
  disabled?: boolean;
  /** The list rendered beside the button, not in a portal: needed inside a modal <dialog>. */
  inline?: boolean;
  autoFocus?: boolean;
  className?: string;
  /** Classes for the Field around the dropdown (when there is a label). */
  fieldClassName?: string;
  'aria-label'?: string;
  'data-testid'?: string;
} & Pick<DropdownProps, 'onKeyDown' | 'size' | 'appearance' | 'placeholder'>;

export function OptionDropdown(props: OptionDropdownProps) {
  const styles = useStyles();
  const selected = props.options.find((option) => option.value === props.value);
  const dropdown = (
    <Dropdown
      className={`${styles.dropdown} ${props.className ?? ''}`}
      listbox={{ className: styles.listbox }}
      // Not clearable: without this Fluent renders a hidden button named "Clear selection" in English.
      clearButton={null}
      inlinePopup={props.inline ?? false}
      value={selected?.text ?? ''}
      selectedOptions={selected ? [toKey(selected.value)] : []}
      onOptionSelect={(_, data) => {
        if (data.optionValue !== undefined) props.onChange(fromKey(data.optionValue));
      }}
      disabled={props.disabled ?? false}
      autoFocus={props.autoFocus ?? false}
      {...(props['aria-label'] ? { 'aria-label': props['aria-label'] } : {})}
      {...(props['data-testid'] ? { 'data-testid': props['data-testid'] } : {})}
      {...(props.onKeyDown ? { onKeyDown: props.onKeyDown } : {})}
      {...(props.size ? { size: props.size } : {})}
      {...(props.appearance ? { appearance: props.appearance } : {})}
      {...(props.placeholder ? { placeholder: props.placeholder } : {})}
    >
      {props.options.map((option) => (
        <Option
          key={toKey(option.value)}
          value={toKey(option.value)}
          text={option.text}
          {...(option.lang ? { lang: option.lang } : {})}
        >
          {option.text}
        </Option>
      ))}
    </Dropdown>
  );
  if (props.label === undefined) return dropdown;
  return (
    <Field
      className={mergeClasses(styles.field, props.fieldClassName)}
      label={props.label}
      required={props.required ?? false}
      validationMessage={props.validationMessage}
      validationState={props.validationMessage ? 'error' : 'none'}
      {...(props.hint ? { hint: props.hint } : {})}
      {...(props.size === 'small' ? { size: 'small' as const } : {})}
    >
      {dropdown}
    </Field>
  );
}
