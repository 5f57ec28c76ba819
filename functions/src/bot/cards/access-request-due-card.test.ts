// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { accessRequestDueCard, type AccessRequestDueModel } from './access-request-due-card.js';
import { digestCard } from './digest-card.js';
import { allActions, executeActions, visibleText } from './test-support/card-query.js';
import { hostileText, locales, longHostileTitle } from './test-support/card-models.js';
import { expectValidCard } from './test-support/validate-card.js';

const url = 'https://handbog.example.dk/access-requests';

// Received Monday 1 March 2027: Denmark's deadline Wednesday 10 March (7 working days).
function model(overrides: Partial<AccessRequestDueModel> = {}): AccessRequestDueModel {
  return {
    law: 'dk',
    requesterName: 'Jens Journalist',
    subject: 'Alle versioner af procedurerne for dispensationer',
    receivedOn: '2027-03-01',
    deadlineOn: '2027-03-10',
    today: '2027-03-08',
    openUrl: url,
    ...overrides,
  };
}

const variants: Record<string, AccessRequestDueModel> = {
  'dk, 2 working days left': model(),
  'dk, the last day': model({ today: '2027-03-10' }),
  'dk, overdue': model({ today: '2027-03-13' }),
  // Norway over Easter 2027: received 22 March, deadline 1 April; 30 March has 2 working days left.
  'no, 2 working days left': model({
    law: 'no',
    receivedOn: '2027-03-22',
    deadlineOn: '2027-04-01',
    today: '2027-03-30',
  }),
  'no, overdue': model({ law: 'no', receivedOn: '2027-03-22', deadlineOn: '2027-04-01', today: '2027-04-02' }),
  'hostile texts': model({ requesterName: hostileText, subject: longHostileTitle }),
};

describe('accessRequestDueCard', () => {
  for (const locale of locales) {
    for (const [name, variant] of Object.entries(variants)) {
      it(`is a valid Teams card (${locale}, ${name})`, () => {
        expectValidCard(accessRequestDueCard(variant, locale));
      });
    }
    it(`is a valid digest line (${locale})`, () => {
      const items = Object.values(variants).map((variant) => ({ kind: 'access-request' as const, ...variant }));
      expectValidCard(digestCard(items, locale, { handbookUrl: 'https://handbog.example.dk' }));
    });
  }

  it('has only the link to the aktindsigt page', () => {
    const card = accessRequestDueCard(model(), 'da');
    expect(allActions(card)).toEqual([{ type: 'Action.OpenUrl', title: 'Åbn aktindsigt', url }]);
    expect(executeActions(card)).toEqual([]);
  });

  it.each([
    [
      'da',
      model(),
      ['Aktindsigt: svarfristen nærmer sig', 'Jens Journalist', 'Svar senest om 2 arbejdsdage (10-03-2027)', '§ 36'],
    ],
    ['da', variants['dk, the last day']!, ['Svar senest i dag (10-03-2027)']],
    ['da', variants['dk, overdue']!, ['Aktindsigt: svarfristen er overskredet', 'Overskredet med 3 dage']],
    ['nb', variants['no, 2 working days left']!, ['Innsyn: svarfristen nærmer seg', 'Svar senest om 2 arbeidsdager']],
    ['nb', variants['no, overdue']!, ['Innsyn: svarfristen er overskredet', 'regnes nå som avslag']],
    ['en', variants['dk, 2 working days left']!, ['Access request (Denmark): the answer is due soon', 'working days']],
  ] as const)('says what is due (%s)', (locale, variant, expected) => {
    const text = visibleText(accessRequestDueCard(variant, locale));
    for (const phrase of expected) expect(text).toContain(phrase);
  });

  it('escapes the requester’s words, so Markdown in them stays text', () => {
    const text = visibleText(accessRequestDueCard(variants['hostile texts']!, 'da'));
    expect(text).toContain('\\*\\*x\\*\\* \\[a\\](b)');
    expect(text).not.toContain('**x**');
  });
});
