// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { requirementUnmetCard } from './requirement-unmet-card.js';
import { expectValidCard, renderCard } from './test-support/validate-card.js';
import { allActions, executeActions, visibleText } from './test-support/card-query.js';
import {
  buildRequirementUnmetModel,
  competencesUrl,
  hostileText,
  locales,
  longHostileTitle,
} from './test-support/card-models.js';

const variants = {
  'short by 2 of 2': buildRequirementUnmetModel(),
  'short by 1 of 3': buildRequirementUnmetModel({ minPeople: 3, qualifiedCount: 2, shortBy: 1, minLevel: 1 }),
  'hostile names': buildRequirementUnmetModel({ competenceName: longHostileTitle, scopeLabel: longHostileTitle }),
};

describe('requirementUnmetCard', () => {
  for (const locale of locales) {
    for (const [name, model] of Object.entries(variants)) {
      it(`is a valid Teams card (${locale}, ${name})`, () => {
        expectValidCard(requirementUnmetCard(model, locale));
      });
    }
  }

  it('has only the link to the competence matrix', () => {
    const card = requirementUnmetCard(buildRequirementUnmetModel(), 'nb');
    expect(allActions(card)).toEqual([
      { type: 'Action.OpenUrl', title: 'Åpne kompetansematrisen', url: competencesUrl },
    ]);
    expect(executeActions(card)).toEqual([]);
  });

  it.each([
    [
      'da',
      [
        'Kompetencekrav ikke opfyldt',
        'Natura 2000 og habitatvurdering',
        'Mangler: 2 personer på niveau 3 (Erfaren) eller derover',
        'K-18 Natura 2000-forhåndsanmeldelser',
        '0 personer',
        'én gang om måneden',
      ],
    ],
    [
      'nb',
      ['Kompetansekrav ikke oppfylt', 'Mangler: 2 personer på nivå 3 (Erfaren) eller høyere', 'én gang i måneden'],
    ],
    ['en', ['Competence requirement not met', 'Short by: 2 people at level 3 (Experienced) or above', 'once a month']],
  ] as const)('speaks %s', (locale, phrases) => {
    const text = visibleText(requirementUnmetCard(buildRequirementUnmetModel(), locale));
    for (const phrase of phrases) expect(text).toContain(phrase);
  });

  it('says "1 person" for one', () => {
    const model = buildRequirementUnmetModel({ minPeople: 1, shortBy: 1 });
    expect(visibleText(requirementUnmetCard(model, 'en'))).toContain('Short by: 1 person at level 3');
  });

  it('shows the competence and the scope literally', () => {
    const model = buildRequirementUnmetModel({ competenceName: hostileText, scopeLabel: hostileText });
    const element = renderCard(requirementUnmetCard(model, 'da'));
    expect(element.textContent?.split(hostileText).length).toBe(3);
    expect(element.querySelector('script, strong, em, a, h1')).toBeNull();
  });
});
