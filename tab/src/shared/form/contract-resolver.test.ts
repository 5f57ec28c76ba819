import type { ResolverOptions } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { rejectBody, submitBody } from '../../../../functions/src/contract/schemas';
import { contractResolver } from './contract-resolver';
import { decodeFormMessage } from './form-message';

const options = { fields: {}, shouldUseNativeValidation: false } as ResolverOptions<any>;

describe('contractResolver', () => {
  it("returns the contract's output (trimmed, defaults filled) for valid values", async () => {
    const resolve = contractResolver(submitBody);
    const result = await resolve({ changeSummary: '  Ny version  ', approverId: 'anne-birk' }, undefined, options);
    expect(result.errors).toEqual({});
    expect(result.values).toEqual({ changeSummary: 'Ny version', approverId: 'anne-birk', kind: 'major' });
  });

  it('gives each invalid field a message key instead of the contract’s English', async () => {
    const resolve = contractResolver(submitBody);
    const result = await resolve({ changeSummary: ' ', approverId: 'not an id!', kind: 'major' }, undefined, options);
    expect(result.values).toEqual({});
    const errors = result.errors as Record<string, { message?: string; type?: string }>;
    expect(decodeFormMessage(errors['changeSummary']?.message)).toEqual({ key: 'form.required' });
    expect(decodeFormMessage(errors['approverId']?.message)).toEqual({ key: 'form.invalidFormat' });
  });

  it('words a too long comment with its limit', async () => {
    const resolve = contractResolver(rejectBody);
    const result = await resolve({ comment: 'x'.repeat(2001) }, undefined, options);
    const errors = result.errors as Record<string, { message?: string }>;
    expect(decodeFormMessage(errors['comment']?.message)).toEqual({ key: 'form.tooLong', values: { max: 2000 } });
  });
});
