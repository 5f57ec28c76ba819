import { useController, type FieldValues } from 'react-hook-form';
import type { PersonDto } from '../../api/contract';
import { PeoplePicker } from '../people-picker';
import { useFieldMessage, type Bound, type Labelled } from './form-fields';

/** Several people (`people-picker.tsx`): the value is a list of person ids. */
export function PeopleField<Values extends FieldValues>(
  props: Bound<Values, string[]> & Labelled & { people: readonly PersonDto[] },
) {
  const { field, fieldState } = useController({ control: props.control, name: props.name });
  const message = useFieldMessage(fieldState.error);
  return (
    <PeoplePicker
      label={props.label}
      people={props.people}
      value={(field.value as string[] | undefined) ?? []}
      onChange={(ids) => field.onChange(ids)}
      validationMessage={message}
      required={props.required ?? false}
      {...(props.hint ? { hint: props.hint } : {})}
    />
  );
}
