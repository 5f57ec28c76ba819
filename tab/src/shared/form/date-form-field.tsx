import { Field } from '@fluentui/react-components';
import { useController, type FieldValues } from 'react-hook-form';
import { DateField } from '../date-field';
import { fieldProps, useFieldMessage, type Bound, type Labelled } from './form-fields';

/** The tab's DatePicker (`date-field.tsx`); the value is "YYYY-MM-DD" or "" for none. */
export function DateFormField<Values extends FieldValues>(
  props: Bound<Values, string> &
    Labelled & {
      minDate?: string;
      maxDate?: string;
      /** After the field took a new value (e.g. to suggest another field's value from it). */
      onValueChange?: (value: string) => void;
    },
) {
  const { field, fieldState } = useController({ control: props.control, name: props.name });
  const message = useFieldMessage(fieldState.error);
  return (
    <Field {...fieldProps(props, message)}>
      <DateField
        value={(field.value as string | undefined) ?? ''}
        onChange={(value) => {
          field.onChange(value);
          props.onValueChange?.(value);
        }}
        required={props.required ?? false}
        {...(props.minDate ? { minDate: props.minDate } : {})}
        {...(props.maxDate ? { maxDate: props.maxDate } : {})}
      />
    </Field>
  );
}
