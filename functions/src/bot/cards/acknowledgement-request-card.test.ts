// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { acknowledgementRequestCard } from './acknowledgement-request-card.js';
import { expectValidCard } from './test-support/validate-card.js';
import { allActions, executeActions, visibleText } from './test-support/card-query.js';
import {
  buildAcknowledgementRequestModel,
  hostileText,
  locales,
  longHostileTitle,
  openUrl,
} from './test-support/card-models.js';

const variants = {
  'with change summary': buildAcknowledgementRequestModel(),
  'without change summary or label': buildAcknowledgementRequestModel({ changeSummary: null, versionLabel: null }),
  'hostile and long text': buildAcknowledgementRequestModel({
    procedure: { id: 'p', code: 'K-1', title: longHostileTitle },
    changeSummary: `${hostileText}\n`.repeat(40),
  }),
};

describe('acknowledgementRequestCard', () => {
  for (const locale of locales) {
    for (const [name, model] of Object.entries(variants)) {
      it(`is a valid Teams card (${locale}, ${name})`, () => {
        expectValidCard(acknowledgementRequestCard(model, locale));
      });
    }
  }

  it('sends acknowledge with the procedure and version, and links to the procedure', () => {
    const card = acknowledgementRequestCard(buildAcknowledgementRequestModel(), 'nb');
    expect(executeActions(card).map(({ verb, data, title }) => ({ verb, data, title }))).toEqual([
      { verb: 'acknowledge', data: { procedureId: 'p-k16', versionId: 'v-20' }, title: 'Lest og forstått' },
    ]);
    expect(allActions(card).at(-1)).toEqual({ type: 'Action.OpenUrl', title: 'Åpne prosedyre', url: openUrl });
  });

  it.each([
    [
      'da',
      [
        'Ny version at læse',
        'Version 2.0 er godkendt og gælder fra 22-11-2026',
        'Læst og forstået',
        'Ændringsbeskrivelse',
      ],
    ],
    ['nb', ['Ny versjon å lese', 'Versjon 2.0 er godkjent og gjelder fra 22.11.2026', 'Lest og forstått']],
    ['en', ['New version to read', 'Version 2.0 is approved and applies from 22 Nov 2026', 'Read and understood']],
  ] as const)('speaks %s', (locale, phrases) => {
    const text = visibleText(acknowledgementRequestCard(buildAcknowledgementRequestModel(), locale));
    for (const phrase of phrases) expect(text).toContain(phrase);
  });

  it('leaves out an empty change summary', () => {
    const text = visibleText(
      acknowledgementRequestCard(buildAcknowledgementRequestModel({ changeSummary: ' ' }), 'da'),
    );
    expect(text).not.toContain('Ændringsbeskrivelse');
  });
});
