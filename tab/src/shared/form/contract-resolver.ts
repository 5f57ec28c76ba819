import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { encodeFormMessage, messageForIssue, type FormIssue } from './form-message';

/** A schema whose input is the form's values (an object) and whose output is what the form sends. */
export type FormSchema<Input extends FieldValues = FieldValues, Output = unknown> = z.ZodType<Output, Input>;

/** Replaces each issue's English message with its message key (see form-message.ts). */
function withMessageKeys(error: unknown): unknown {
  const issues = (error as { issues?: unknown } | null)?.issues;
  if (Array.isArray(issues)) {
    for (const issue of issues as FormIssue[]) issue.message = encodeFormMessage(messageForIssue(issue));
  }
  return error;
}

/**
 * `zodResolver` over a contract schema (or one derived from it next to the form), with every
 * issue's message turned into a catalogue key. The contract's own messages (e.g. "Required")
 * outrank a parse-time error map in zod 4, so the issues are rewritten after parsing instead:
 * the resolver parses a view of the schema whose parse rethrows the same ZodError, re-worded.
 */
export function contractResolver<Input extends FieldValues, Output>(
  schema: FormSchema<Input, Output>,
): Resolver<Input, unknown, Output> {
  const keyed = Object.create(schema) as typeof schema;
  keyed.parse = (value, params) => {
    try {
      return schema.parse(value, params);
    } catch (error) {
      throw withMessageKeys(error);
    }
  };
  keyed.parseAsync = async (value, params) => {
    try {
      return await schema.parseAsync(value, params);
    } catch (error) {
      throw withMessageKeys(error);
    }
  };
  return zodResolver(keyed, { reportInput: true }) as Resolver<Input, unknown, Output>;
}
