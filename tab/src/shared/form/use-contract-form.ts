import { useMemo } from 'react';
import { useForm, type FieldValues, type UseFormProps, type UseFormReturn } from 'react-hook-form';
import { contractResolver, type FormSchema } from './contract-resolver';

export type ContractForm<Input extends FieldValues, Output> = UseFormReturn<Input, unknown, Output>;

/**
 * A react-hook-form form validated by a contract schema (or a UI shape derived from one). The
 * values start from `defaultValues` (or follow `values` when the data they come from changes),
 * never from an effect that copies props into state. Fields show their problems after the first
 * submit, then as they change.
 */
export function useContractForm<Input extends FieldValues, Output>(
  schema: FormSchema<Input, Output>,
  options: Omit<UseFormProps<Input, unknown, Output>, 'resolver'> = {},
): ContractForm<Input, Output> {
  const resolver = useMemo(() => contractResolver(schema), [schema]);
  return useForm<Input, unknown, Output>({ mode: 'onSubmit', reValidateMode: 'onChange', ...options, resolver });
}
