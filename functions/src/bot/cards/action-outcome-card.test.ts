// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { actionOutcomeCard, errorCard } from './action-outcome-card.js';
import { cardText } from './card-text.js';
import { expectValidCard, renderCard } from './test-support/validate-card.js';
import { allActions, executeActions, visibleText } from './test-support/card-query.js';
import { actionOutcomes, hostileText, locales, longHostileTitle, openUrl } from './test-support/card-models.js';

const [confirmed, confirmedWithoutNext, revision, acknowledged] = actionOutcomes as [
  (typeof actionOutcomes)[number],
  (typeof actionOutcomes)[number],
  (typeof actionOutcomes)[number],
  (typeof actionOutcomes)[number],
];

describe('actionOutcomeCard', () => {
  for (const locale of locales) {
    for (const model of actionOutcomes) {
      it(`is a valid Teams card (${locale}, ${model.verb})`, () => {
        expectValidCard(actionOutcomeCard(model, locale));
        expectValidCard(
          actionOutcomeCard(
            { ...model, procedure: { id: 'p', code: 'K-1', title: longHostileTitle }, by: { name: hostileText } },
            locale,
          ),
        );
      });
    }
  }

  it('has only the link to the procedure', () => {
    for (const model of actionOutcomes) {
      const card = actionOutcomeCard(model, 'en');
      expect(executeActions(card)).toEqual([]);
      expect(allActions(card)).toEqual([{ type: 'Action.OpenUrl', title: 'Open procedure', url: openUrl }]);
    }
  });

  it.each([
    [
      'da',
      confirmed,
      ['Registreret som fortsat gyldig af Mette Kjær 22-11-2026 kl. 14.03', 'Næste periodiske gennemgang: 22-11-2027.'],
    ],
    [
      'nb',
      confirmed,
      [
        'Registrert som fortsatt gyldig av Mette Kjær 22.11.2026 kl. 14.03',
        'Neste periodiske gjennomgang: 22.11.2027.',
      ],
    ],
    [
      'en',
      confirmed,
      ['Recorded as still valid by Mette Kjær on 22 Nov 2026, 14:03', 'Next periodic review: 22 Nov 2027.'],
    ],
    ['da', revision, ['Revision startet', 'Startet af Mette Kjær 22-11-2026 kl. 14.03.', 'En kladde er oprettet']],
    ['nb', revision, ['Revisjon startet', 'Et utkast er opprettet']],
    ['en', revision, ['Revision started', 'A draft has been created']],
    [
      'da',
      acknowledged,
      ['Læst og forstået registreret', 'Jonas Berg har læst og forstået version 2.0 (22-11-2026 kl. 14.03).'],
    ],
    ['nb', acknowledged, ['Lest og forstått registrert']],
    ['en', acknowledged, ['Read and understood recorded']],
  ] as const)('%s: %s', (locale, model, phrases) => {
    const text = visibleText(actionOutcomeCard(model, locale));
    for (const phrase of phrases) expect(text).toContain(phrase);
  });

  it('leaves out the next review date when there is none', () => {
    expect(visibleText(actionOutcomeCard(confirmedWithoutNext, 'da'))).not.toContain('Næste');
  });
});

describe('errorCard', () => {
  for (const locale of locales) {
    it(`is a valid Teams card (${locale})`, () => {
      expectValidCard(errorCard(cardText(locale)('errorAlreadyDecided'), locale, openUrl));
      expectValidCard(errorCard(hostileText.repeat(50), locale));
    });
  }

  it('shows the message with the link when there is one', () => {
    const card = errorCard(cardText('da')('errorAlreadyDecided'), 'da', openUrl);
    expect(visibleText(card)).toContain('Handlingen blev ikke udført');
    expect(visibleText(card)).toContain('Anmodningen er allerede behandlet.');
    expect(allActions(card)).toEqual([{ type: 'Action.OpenUrl', title: 'Åbn procedure', url: openUrl }]);
    expect(allActions(errorCard('x', 'en'))).toEqual([]);
    expect(visibleText(errorCard('x', 'nb'))).toContain('Handlingen ble ikke utført');
  });

  it('shows the message literally', () => {
    const element = renderCard(errorCard(hostileText, 'en'));
    expect(element.textContent).toContain(hostileText);
    expect(element.querySelector('script, strong, em, a, h1')).toBeNull();
  });
});
