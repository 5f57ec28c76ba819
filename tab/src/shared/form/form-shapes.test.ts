import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addCompetenceRequirementBody } from '../../../../functions/src/contract/schemas';
import { decodeFormMessage, messageForIssue } from './form-message';
import { emptyAsNull, linesFromText, numberFromText } from './form-shapes';

const minPeople = numberFromText(addCompetenceRequirementBody.shape.minPeople);

function firstMessage(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) throw new Error('expected an issue');
  return messageForIssue(result.error.issues[0]!);
}

describe('numberFromText', () => {
  it('reads a typed whole number and keeps the contract’s limits', () => {
    expect(minPeople.parse(' 7 ')).toBe(7);
    expect(firstMessage(minPeople, '0')).toEqual({ key: 'form.tooSmall', values: { min: 1 } });
    expect(firstMessage(minPeople, '51')).toEqual({ key: 'form.tooLarge', values: { max: 50 } });
    expect(firstMessage(minPeople, '1.5')).toEqual({ key: 'form.wholeNumber' });
  });

  it('asks for a value when nothing is typed and for a number when words are', () => {
    expect(firstMessage(minPeople, ' ')).toEqual({ key: 'form.required' });
    expect(firstMessage(minPeople, 'to')).toEqual({ key: 'form.wholeNumber' });
  });

  it('hands literal choices to the contract ("2" is level 2, "0" is not a level)', () => {
    const minLevel = numberFromText(addCompetenceRequirementBody.shape.minLevel);
    expect(minLevel.parse('2')).toBe(2);
    expect(minLevel.safeParse('0').success).toBe(false);
  });
});

describe('emptyAsNull and linesFromText', () => {
  it('sends "" as null and other choices as they are', () => {
    const unit = emptyAsNull(z.string().min(1).nullable());
    expect(unit.parse('')).toBeNull();
    expect(unit.parse('natur')).toBe('natur');
  });

  it('splits lines, drops blanks and applies the contract’s list rules', () => {
    const laws = linesFromText(z.array(z.string().max(5)).max(2));
    expect(laws.parse(' a \n\n b\r\n')).toEqual(['a', 'b']);
    expect(laws.safeParse('a\nb\nc').success).toBe(false);
    expect(decodeFormMessage(undefined)).toBeUndefined();
  });
});
