import { describe, expect, it } from 'vitest';
import { tabTextsIn } from '../../i18n/danish-texts';
import { requirementSentence } from './requirement-text';

const da = 'da' as const;
const en = 'en' as const;
const translator = (locale: 'da' | 'en') => ({ t: tabTextsIn(locale) });

describe('requirementSentence', () => {
  it.each([
    [{ minPeople: 2, minLevel: 2 }, 'Mindst 2 personer på niveau Selvstændig eller derover'],
    [{ minPeople: 1, minLevel: 3 }, 'Mindst 1 person på niveau Erfaren eller derover'],
    [{ minPeople: 5, minLevel: 4 }, 'Mindst 5 personer på niveau Ekspert/underviser eller derover'],
  ])('says %o in Danish as “%s”', (requirement, sentence) => {
    expect(requirementSentence(requirement, translator(da))).toBe(sentence);
  });

  it('says it in English, singular and plural', () => {
    expect(requirementSentence({ minPeople: 1, minLevel: 1 }, translator(en))).toBe(
      'At least 1 person at level Basic or above',
    );
    expect(requirementSentence({ minPeople: 3, minLevel: 2 }, translator(en))).toBe(
      'At least 3 people at level Independent or above',
    );
  });
});
