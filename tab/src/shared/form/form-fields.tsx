import { Checkbox, Field, Input, Radio, RadioGroup, Textarea, type InputProps } from '@fluentui/react-components';
import { useController, type Control, type FieldError, type FieldPathByValue, type FieldValues } from 'react-hook-form';
import { useI18n } from '../../i18n/i18n-context';
import { OptionDropdown, type DropdownOption } from '../option-dropdown';
import { formMessageText } from './form-message';

/**
 * Fluent v9 controls bound to a react-hook-form field (`control` and `name` of a form from
 * `useContractForm`). Each shows its field's problem under it in the UI language.
 */
export type Bound<Values extends FieldValues, Value> = {
  control: Control<Values, unknown, unknown>;
  name: FieldPathByValue<Values, Value | undefined>;
};

export type Labelled = { label: string; hint?: string | undefined; required?: boolean; className?: string };

/** The field's problem in the UI language, or undefined. */
export function useFieldMessage(error: FieldError | undefined): string | undefined {
  const { t } = useI18n();
  return formMessageText(error?.message, t);
}

export function fieldProps(props: Labelled, message: string | undefined) {
  return {
    label: props.label,
    required: props.required ?? false,
    validationMessage: message,
    validationState: message ? ('error' as const) : ('none' as const),
    ...(props.hint ? { hint: props.hint } : {}),
    ...(props.className ? { className: props.className } : {}),
  };
}

export function TextField<Values extends FieldValues>(
  props: Bound<Values, string> &
    Labelled & {
      type?: InputProps['type'];
      maxLength?: number;
      placeholder?: string;
      autoComplete?: string;
      /** The id of a <datalist> of suggestions. */
      list?: string;
      /** The typed text as it is kept (e.g. a code's letters in capitals). */
      normalize?: (text: string) => string;
      'data-testid'?: string;
    },
) {
  const { field, fieldState } = useController({ control: props.control, name: props.name });
  const message = useFieldMessage(fieldState.error);
  return (
    <Field {...fieldProps(props, message)}>
      <Input
        ref={field.ref}
        name={field.name}
        value={(field.value as string | undefined) ?? ''}
        onChange={(_, data) => field.onChange(props.normalize ? props.normalize(data.value) : data.value)}
        onBlur={field.onBlur}
        {...(props.type ? { type: props.type } : {})}
        {...(props.list ? { list: props.list } : {})}
        {...(props.maxLength ? { maxLength: props.maxLength } : {})}
        {...(props.placeholder ? { placeholder: props.placeholder } : {})}
        {...(props.autoComplete ? { autoComplete: props.autoComplete } : {})}
        {...(props['data-testid'] ? { 'data-testid': props['data-testid'] } : {})}
      />
    </Field>
  );
}

export function TextareaField<Values extends FieldValues>(
  props: Bound<Values, string> & Labelled & { rows?: number; maxLength?: number; 'data-testid'?: string },
) {
  const { field, fieldState } = useController({ control: props.control, name: props.name });
  const message = useFieldMessage(fieldState.error);
  return (
    <Field {...fieldProps(props, message)}>
      <Textarea
        ref={field.ref}
        name={field.name}
        value={(field.value as string | undefined) ?? ''}
        onChange={(_, data) => field.onChange(data.value)}
        onBlur={field.onBlur}
        rows={props.rows ?? 3}
        resize="vertical"
        {...(props.maxLength ? { maxLength: props.maxLength } : {})}
        {...(props['data-testid'] ? { 'data-testid': props['data-testid'] } : {})}
      />
    </Field>
  );
}

export function CheckboxField<Values extends FieldValues>(
  props: Bound<Values, boolean> & { label: string; 'data-testid'?: string },
) {
  const { field, fieldState } = useController({ control: props.control, name: props.name });
  const message = useFieldMessage(fieldState.error);
  return (
    <Field validationMessage={message} validationState={message ? 'error' : 'none'}>
      <Checkbox
        ref={field.ref}
        name={field.name}
        label={props.label}
        checked={Boolean(field.value)}
        onChange={(_, data) => field.onChange(data.checked === true)}
        onBlur={field.onBlur}
        {...(props['data-testid'] ? { 'data-testid': props['data-testid'] } : {})}
      />
    </Field>
  );
}

/** One choice from a list (`option-dropdown.tsx`); values are strings, "" is a valid choice. */
export function DropdownField<Values extends FieldValues>(
  props: Bound<Values, string> &
    Labelled & {
      options: readonly DropdownOption[];
      disabled?: boolean;
      /** After the field took a new value (e.g. to suggest another field's value from it). */
      onValueChange?: (value: string) => void;
    },
) {
  const { field, fieldState } = useController({ control: props.control, name: props.name });
  const message = useFieldMessage(fieldState.error);
  return (
    <OptionDropdown
      label={props.label}
      options={props.options}
      value={(field.value as string | undefined) ?? ''}
      onChange={(value) => {
        field.onChange(value);
        props.onValueChange?.(value);
      }}
      required={props.required ?? false}
      validationMessage={message}
      disabled={props.disabled ?? false}
      // Forms are often in a modal <dialog>, where a list in a portal could not be clicked.
      inline
      {...(props.hint ? { hint: props.hint } : {})}
      {...(props.className ? { className: props.className } : {})}
    />
  );
}

/** One choice of a few, all visible (Fluent RadioGroup). */
export function RadioField<Values extends FieldValues>(
  props: Bound<Values, string> & Labelled & { options: readonly DropdownOption[] },
) {
  const { field, fieldState } = useController({ control: props.control, name: props.name });
  const message = useFieldMessage(fieldState.error);
  return (
    <Field {...fieldProps(props, message)}>
      <RadioGroup
        ref={field.ref}
        name={field.name}
        value={(field.value as string | undefined) ?? ''}
        onChange={(_, data) => field.onChange(data.value)}
        onBlur={field.onBlur}
      >
        {props.options.map((option) => (
          <Radio key={option.value} value={option.value} label={option.text} />
        ))}
      </RadioGroup>
    </Field>
  );
}
