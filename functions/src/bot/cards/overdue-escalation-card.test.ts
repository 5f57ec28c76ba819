// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { overdueEscalationCard } from './overdue-escalation-card.js';
import { expectValidCard, renderCard } from './test-support/validate-card.js';
import { allActions, visibleText } from './test-support/card-query.js';
import {
  buildOverdueEscalationModel,
  hostileText,
  locales,
  longHostileTitle,
  openUrl,
} from './test-support/card-models.js';

const variants = {
  '21 days overdue': buildOverdueEscalationModel(),
  '1 day overdue': buildOverdueEscalationModel({ dueOn: '2026-11-21' }),
  'hostile owner and long title': buildOverdueEscalationModel({
    owner: { name: hostileText },
    procedure: { id: 'p', code: 'K-1', title: longHostileTitle },
  }),
};

describe('overdueEscalationCard', () => {
  for (const locale of locales) {
    for (const [name, model] of Object.entries(variants)) {
      it(`is a valid Teams card (${locale}, ${name})`, () => {
        expectValidCard(overdueEscalationCard(model, locale));
      });
    }
  }

  it('has only the link to the procedure', () => {
    expect(allActions(overdueEscalationCard(buildOverdueEscalationModel(), 'da'))).toEqual([
      { type: 'Action.OpenUrl', title: 'Åbn procedure', url: openUrl },
    ]);
  });

  it.each([
    [
      'da',
      [
        'Overskredet periodisk gennemgang',
        'K-16 Sagsbehandling af byggesager',
        'Mette Kjær',
        '01-11-2026',
        '21 dage',
        'nærmeste leder',
      ],
    ],
    ['nb', ['Periodisk gjennomgang på overtid', 'Prosesseier', '01.11.2026', '21 dager', 'leder for prosesseieren']],
    ['en', ['Overdue periodic review', 'Procedure owner', '1 Nov 2026', '21 days overdue']],
  ] as const)('speaks %s', (locale, phrases) => {
    const text = visibleText(overdueEscalationCard(buildOverdueEscalationModel(), locale));
    for (const phrase of phrases) expect(text).toContain(phrase);
  });

  it("shows the owner's name literally", () => {
    const element = renderCard(
      overdueEscalationCard(buildOverdueEscalationModel({ owner: { name: hostileText } }), 'da'),
    );
    expect(element.textContent).toContain(hostileText);
    expect(element.querySelector('script, strong, em, a, h1')).toBeNull();
  });
});
