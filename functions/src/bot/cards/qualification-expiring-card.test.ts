// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { qualificationExpiringCard } from './qualification-expiring-card.js';
import { expectValidCard, renderCard } from './test-support/validate-card.js';
import { allActions, executeActions, visibleText } from './test-support/card-query.js';
import {
  buildQualificationExpiringModel,
  competencesUrl,
  hostileText,
  locales,
  longHostileTitle,
} from './test-support/card-models.js';

const variants = {
  'expires in 20 days, to the holder': buildQualificationExpiringModel(),
  'expires in 20 days, to the leader': buildQualificationExpiringModel({ isForLeader: true }),
  'last valid day today': buildQualificationExpiringModel({ validUntil: '2026-11-22' }),
  'expired 20 days ago, to the leader': buildQualificationExpiringModel({
    validUntil: '2026-11-02',
    isForLeader: true,
  }),
  'hostile names': buildQualificationExpiringModel({
    competenceName: longHostileTitle,
    holder: { name: hostileText },
    isForLeader: true,
  }),
};

describe('qualificationExpiringCard', () => {
  for (const locale of locales) {
    for (const [name, model] of Object.entries(variants)) {
      it(`is a valid Teams card (${locale}, ${name})`, () => {
        expectValidCard(qualificationExpiringCard(model, locale));
      });
    }
  }

  it('has only the link to the competence matrix', () => {
    const card = qualificationExpiringCard(buildQualificationExpiringModel(), 'da');
    expect(allActions(card)).toEqual([{ type: 'Action.OpenUrl', title: 'Åbn kompetencematrix', url: competencesUrl }]);
    expect(executeActions(card)).toEqual([]);
  });

  it.each([
    [
      'da',
      buildQualificationExpiringModel(),
      [
        'Kvalifikation udløber',
        'Intern auditor (ISO 9001)',
        'Udløber om 20 dage',
        '12-12-2026',
        'Peter Lund',
        '2 (Selvstændig)',
        'bed din leder',
      ],
    ],
    [
      'nb',
      buildQualificationExpiringModel({ isForLeader: true }),
      ['Kvalifikasjon utløper', 'Utløper om 20 dager', 'Avtal fornyelsen med Peter Lund', '2 (Selvstendig)'],
    ],
    [
      'en',
      buildQualificationExpiringModel({ validUntil: '2026-11-02', isForLeader: true }),
      [
        'Qualification expired',
        'Expired 20 days ago',
        '2 Nov 2026',
        'Agree the renewal with Peter Lund',
        '2 (Independent)',
      ],
    ],
    ['en', buildQualificationExpiringModel({ validUntil: '2026-11-22' }), ['Today is the last valid day']],
  ] as const)('speaks %s', (locale, model, phrases) => {
    const text = visibleText(qualificationExpiringCard(model, locale));
    for (const phrase of phrases) expect(text).toContain(phrase);
  });

  it('shows names literally', () => {
    const model = buildQualificationExpiringModel({ holder: { name: hostileText }, competenceName: hostileText });
    const element = renderCard(qualificationExpiringCard({ ...model, isForLeader: true }, 'da'));
    expect(element.textContent).toContain(hostileText);
    expect(element.querySelector('script, strong, em, a, h1')).toBeNull();
  });
});
